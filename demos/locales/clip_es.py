"""Texto en español de la pestaña CLIP y DALL-E 2."""

STRINGS: dict[str, str] = {
    "clip_model": "Modelo",
    "clip_mini": "Mini CLIP (dígitos, entrenado acá)",
    "common_source": "Imagen",
    "common_source_digit": "Un dígito",
    "common_source_photo": "Una foto",
    "common_source_upload": "Mi imagen",
    "common_digit_index": "Número de dígito (de 1797)",
    "common_photo": "Foto",
    "common_upload": "Subí una imagen",
    "clip_labels": "Etiquetas (separadas por comas)",
    "clip_template": "Plantilla ({} se sustituye por cada etiqueta)",
    "clip_scale": "Escala s (escala de los logits; la temperatura es 1/s)",
    "clip_classify": "Clasificar",
    "clip_image_shown": "Lo que ve el modelo",
    "clip_probs": "Probabilidades zero-shot",
    "clip_probs_title": "p(etiqueta | imagen) con escala s = {s:.1f}",
    "clip_prob_axis": "Probabilidad",
    "clip_verdict": (
        "Lo más probable: **{label}** ({p:.1%} con s = {s:.1f}; {p_learned:.1%} con la escala que aprendió el modelo, s = {learned:.1f})."
    ),
    "clip_unavailable": "⚠️ {name} no está en esta máquina y ahora no se puede descargar (sin conexión), así que respondió el mini CLIP.",
    "clip_answered_mini": (
        "**Respondió: el mini CLIP**, entrenado acá solo con dígitos escritos a mano de 8x8 y descripciones como "
        '"un 7 escrito a mano"; nunca vio una foto.'
    ),
    "clip_answered_real": (
        "**Respondió: {name}**, el CLIP de OpenAI, entrenado con 400 millones de pares de imagen y texto de internet (en inglés)."
    ),
    "clip_meaningless": (
        "⚠️ **Esta respuesta no significa nada.** {reasons} Su elección, **{label}** con {p:.1%}, no dice nada de la imagen (el azar con "
        "{k} etiquetas: {chance:.0%}, la línea de trazos)."
    ),
    "clip_reason_photo": (
        "El mini CLIP solo vio dígitos: achica la foto a 8x8 píxeles (los de «Lo que ve el modelo») y los compara con las etiquetas como "
        "si fueran un dígito."
    ),
    "clip_reason_words": "Nunca leyó {words} en su entrenamiento: para él son letras sueltas, sin significado.",
    "clip_reason_upload": (
        "⚠️ El mini CLIP solo vio dígitos de 8x8 (trazos claros sobre fondo oscuro): ve tu imagen como los 8x8 píxeles de «Lo que ve el "
        "modelo». Si no parecen un dígito, esta respuesta no significa nada."
    ),
    "clip_matrix_meaningless": "⚠️ El mini CLIP solo vio dígitos: con fotos, esta matriz y este plano no significan nada.",
    "clip_chance": "azar (1/{k})",
    "clip_word": "«{w}»",
    "clip_default_labels": "cero, uno, dos, tres, cuatro, cinco, seis, siete, ocho, nueve",
    "clip_default_template": "un {} escrito a mano",
    "photo_astronaut": "astronauta",
    "photo_cat": "gato",
    "photo_coffee": "café",
    "photo_rocket": "cohete",
    "photo_camera": "camarógrafo",
    "photo_coins": "monedas",
    "photo_moon": "luna",
    "photo_hubble": "campo profundo del Hubble",
    "common_truncated": "✂️ Algún texto era más largo de lo que el modelo lee (su límite de tokens) y se recortó.",
    "clip_err_refused": "Ese modelo no está entre los permitidos; elegí uno de la lista.",
    "common_err_text": "{name} debe ser texto.",
    "clip_err_few_labels": "Escribí al menos dos etiquetas separadas por comas.",
    "clip_err_many_labels": "Escribí como mucho {n} etiquetas.",
    "clip_err_template": "La plantilla debe contener {} exactamente una vez (donde va cada etiqueta).",
    "common_err_upload": "Subí primero una imagen (o elegí un dígito o una foto).",
    "clip_fail_counting": "Contar: ¿cuántas monedas?",
    "clip_fail_colour": "Colores: ¿qué objeto tiene qué color?",
    "clip_fail_needs_real": (
        "⚠️ **Este ejemplo necesita un CLIP real** ({name} u otro de la lista), y no hay ninguno en esta máquina ni conexión "
        "para descargarlo. El mini CLIP no sabe más que de dígitos, así que sus números sobre esta foto no mostrarían el fallo "
        "de CLIP; no se ejecutó nada. Lo que hace un CLIP real acá: {what}"
    ),
    "clip_fail_counting_what": (
        "contar está entre las tareas que peor resuelve CLIP (Radford et al., 2021): las descripciones casi nunca dicen cuántas "
        "cosas hay en una foto, así que nada en su entrenamiento le enseñó a distinguir 24 monedas de 10 o de 50."
    ),
    "clip_fail_colour_what": (
        'compara una frase por las palabras que contiene más que por qué palabra va con qué objeto, así que "a red cup on a '
        'white saucer" y "a white cup on a red saucer" suelen puntuar parecido (Yuksekgonul et al., 2023, sobre modelos '
        "que se comportan como bolsas de palabras)."
    ),
    "clip_image_set": "Imágenes",
    "clip_set_digits": "Un dígito de prueba de cada clase",
    "clip_set_photos": "Las fotos incluidas",
    "clip_matrix_button": "Comparar con las etiquetas de arriba",
    "clip_matrix": "Matriz de similitud",
    "clip_matrix_title": "Similitud coseno entre imágenes y textos",
    "clip_matrix_text": (
        "Cada fila es una imagen y cada columna un texto (las etiquetas de arriba en la plantilla). En el plano, un nombre que taparía a "
        "otro aparece al pasar el mouse sobre su punto."
    ),
    "clip_images": "Imágenes",
    "clip_texts": "Textos",
    "clip_space": "Imágenes y textos en un plano",
    "clip_space_title": "El espacio compartido, proyectado a 2D",
    "clip_unclip_title": "El proceso de unCLIP",
    "clip_u_text": 'Texto\n"un corgi"',
    "clip_u_encoder": "Codificador de\ntexto de CLIP",
    "clip_u_text_emb": "Representación\ndel texto",
    "clip_u_prior": "Prior\n(difusión)",
    "clip_u_image_emb": "Representación\nde imagen",
    "clip_u_decoder": "Decodificador\nde difusión",
    "clip_u_image": "Imagen\n64x64 → 1024",
    "clip_u_clip_part": "CLIP congelado",
    "clip_u_new_part": "entrenados para DALL-E 2",
}
