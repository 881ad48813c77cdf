"""Texto en español de la pestaña Stable Diffusion."""

STRINGS: dict[str, str] = {
    "sd_page_generate": "1 · De texto a imagen",
    "sd_page_round_trip": "2 · Ida y vuelta al latente",
    "sd_page_img2img": "3 · De imagen a imagen",
    "sd_page_conditioning": "4 · Condicionamiento",
    "sd_model": "Pipeline",
    "sd_mini": "Mini difusión latente (dígitos, entrenada acá)",
    "sd_prompt": "Prompt",
    "sd_negative": "Prompt negativo (opcional)",
    "sd_steps": "Pasos",
    "sd_guidance": "Escala de guía w",
    "sd_size": "Tamaño (píxeles; el mini modelo: de 32 a 64)",
    "sd_generate": "Generar",
    "sd_picture": "Cada paso, decodificado",
    "sd_latents": "Los canales del latente (azul < 0 < rojo)",
    "sd_timing": "Tiempo por paso",
    "sd_timing_title": "Milisegundos por paso de eliminación de ruido",
    "sd_step": "Paso",
    "sd_ms": "ms",
    "sd_status": "Paso {i} de {n} (instante {t})…",
    "sd_done": (
        "Hecho: {steps} en {seconds:.2f}\u00a0s ({ms:.0f}\u00a0ms por paso; con guía cada paso ejecuta la U-Net sobre dos latentes)."
    ),
    "sd_unavailable": (
        "⚠️ {name} no está en esta máquina y ahora no se puede descargar (sin conexión), así que corrió el mini pipeline, a su propio "
        "tamaño de {size}x{size} píxeles."
    ),
    "sd_switched": (
        "⚠️ **{name} no está en esta máquina** y ahora no se puede descargar (sin conexión), así que la pestaña volvió al mini "
        "modelo de difusión latente: los controles (tamaño de 32 a 64 píxeles, guía) son los del mini modelo, y todas "
        "las secciones lo usan."
    ),
    "sd_default_prompt": "un 7 escrito a mano",
    "sd_err_empty": 'Escribí primero un prompt (para el mini modelo, por ejemplo "un 7 escrito a mano").',
    "sd_err_size_step": "El tamaño debe ser múltiplo de {step} píxeles en este pipeline.",
    "sd_err_strength_steps": "Con tan pocos pasos y esta intensidad no se ejecutaría ningún paso; subí los pasos o la intensidad.",
    "sd_round_trip_button": "Codificar y decodificar",
    "sd_original": "Original",
    "sd_reconstruction": "Decodificada",
    "sd_error": "Error (escalado a su valor máximo)",
    "sd_latent": "Los canales del latente",
    "sd_round_trip_text": (
        "Una imagen de {side}x{side}x3 se convierte en un latente de {c}x{h}x{w} ({ratio:.0f} veces menos números); error cuadrático medio "
        "del ida y vuelta {mse:.2g} (píxeles en [0, 1])."
    ),
    "sd_strength": "Intensidad",
    "sd_img2img_button": "Redibujar con el prompt",
    "sd_start": "Imagen de partida",
    "sd_result": "Resultado",
    "sd_img2img_text_one": "Intensidad {s:.2f}: se ejecuta {k} de {count} paso ({seconds:.2f}\u00a0s).",
    "sd_img2img_text_other": "Intensidad {s:.2f}: se ejecutan {k} de {count} pasos ({seconds:.2f}\u00a0s).",
    "sd_latents_caption": (
        "Cada recuadro es un canal del latente que la U-Net limpia en este paso, una grilla mucho más chica que la imagen: azul donde "
        "el valor es negativo, blanco cerca de 0, rojo donde es positivo."
    ),
    "sd_timing_caption": "Cada barra es un paso de eliminación de ruido (x) y los milisegundos que tardó en esta máquina (y).",
}
