"""Texto en español de la pestaña Stable Diffusion."""

STRINGS: dict[str, str] = {
    "sd_model": "Pipeline",
    "sd_mini": "Mini difusión latente (dígitos, entrenada acá)",
    "sd_model_help": (
        "El **mini modelo de difusión latente** es un `StableDiffusionPipeline` de `diffusers` de verdad, solo que diminuto: "
        "un `AutoencoderKL` que convierte un dígito de 32x32 en un latente de 4x8x8, una `UNet2DConditionModel` que quita el "
        "ruido de esos latentes con atención cruzada sobre el codificador de texto del mini CLIP, y un planificador DDIM, todo "
        'entrenado acá. Dibuja dígitos a partir de prompts en inglés o en español ("a handwritten seven", "un 7 escrito a '
        'mano") y nada más. Las otras opciones son pipelines reales de Stable Diffusion; se cargan solo si ya están en esta '
        "máquina; si no, la pestaña lo dice y sigue con el mini."
    ),
    "sd_generate_help": (
        "### 1. De texto a imagen, paso a paso\n"
        "El pipeline parte de ruido puro en el espacio **latente** y lo quita en el número de pasos elegido, guiado por el "
        "prompt (y alejado del prompt negativo). El latente de cada paso se decodifica para que la imagen aparezca; sus "
        "canales se muestran en una escala azul-blanco-rojo y cada paso se cronometra."
    ),
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
    "sd_done": "Hecho: {steps} pasos en {seconds:.2f} s ({ms:.0f} ms por paso; con guía cada paso ejecuta la U-Net sobre dos latentes).",
    "sd_unavailable": "⚠️ {name} no está en esta máquina y ahora no se puede descargar (sin conexión), así que corrió el mini pipeline, a su propio tamaño de {size}x{size} píxeles.",
    "sd_switched": (
        "⚠️ **{name} no está en esta máquina** y ahora no se puede descargar (sin conexión), así que la pestaña volvió al mini "
        "modelo de difusión latente: los controles de abajo (tamaño de 32 a 64 píxeles, guía) son los del mini modelo, y todas "
        "las secciones lo usan."
    ),
    "sd_default_prompt": "un 7 escrito a mano",
    "sd_err_empty": 'Escribí primero un prompt (para el mini modelo, por ejemplo "un 7 escrito a mano").',
    "sd_err_size_step": "El tamaño debe ser múltiplo de {step} píxeles en este pipeline.",
    "sd_err_strength_steps": "Con tan pocos pasos y esta intensidad no se ejecutaría ningún paso; subí los pasos o la intensidad.",
    "sd_round_trip_help": (
        "### 2. El ida y vuelta por el autoencoder: el «latente» de la difusión latente\n"
        "La difusión nunca ve píxeles: el codificador del autoencoder comprime la imagen en el latente y su decodificador "
        "convierte latentes en píxeles. Acá una imagen entra y vuelve; el mapa de error muestra lo que pierde la compresión. "
        "El mini autoencoder solo conoce dígitos, así que una foto vuelve como la mancha con forma de dígito que puede representar."
    ),
    "sd_round_trip_button": "Codificar y decodificar",
    "sd_original": "Original",
    "sd_reconstruction": "Decodificada",
    "sd_error": "Error (escalado a su valor máximo)",
    "sd_latent": "Los canales del latente",
    "sd_round_trip_text": "Una imagen de {side}x{side}x3 se convierte en un latente de {c}x{h}x{w} ({ratio:.0f} veces menos números); error cuadrático medio del ida y vuelta {mse:.2g} (píxeles en [0, 1]).",
    "sd_img2img_help": (
        "### 3. De imagen a imagen\n"
        "La imagen elegida arriba se codifica, se le agrega ruido hasta el nivel que marca la **intensidad** (0: sin cambios, "
        "1: ruido puro, como de texto a imagen) y se le quita bajo el prompt de la sección 1: poca intensidad conserva la "
        "composición; mucha conserva poco más que el prompt."
    ),
    "sd_strength": "Intensidad",
    "sd_img2img_button": "Redibujar con el prompt",
    "sd_start": "Imagen de partida",
    "sd_result": "Resultado",
    "sd_img2img_text": "Intensidad {s:.2f}: se ejecutan {k} de {n} pasos ({seconds:.2f} s).",
    "sd_conditioning": (
        "### 4. Condicionamiento: no solo texto\n"
        "El prompt de texto entra por atención cruzada, pero la difusión latente puede dirigirse con casi cualquier señal, "
        "con el mismo mecanismo o con una red agregada (ControlNet, T2I-Adapter) que inyecta características de una imagen de control:\n\n"
        "| Condición | Qué fija | Fuente habitual |\n|---|---|---|\n"
        "| Texto | qué hay en la imagen y su estilo | un prompt a través del codificador de texto de CLIP |\n"
        "| Mapa semántico | qué región es cielo, carretera, persona... | un modelo de segmentación o un mapa pintado |\n"
        "| Puntos clave (pose) | dónde están las articulaciones de una persona | un estimador de pose |\n"
        "| Boceto / garabatos | las formas y la disposición aproximadas | un dibujo |\n"
        "| Bordes | los contornos exactos | un detector de bordes (Canny) sobre una foto |\n"
        "| Profundidad | qué está cerca y qué lejos | un estimador de profundidad |\n"
        "| Mapa de normales | hacia dónde mira cada superficie | un estimador de normales o un render 3D |\n"
        "| Una imagen (img2img, inpainting) | colores y composición, o todo lo que está fuera de una máscara | la sección 3 de arriba |"
    ),
}
