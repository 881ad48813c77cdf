"""Texto en español de la pestaña CLIP y DALL-E 2."""

STRINGS: dict[str, str] = {
    "clip_page_zero_shot": "1–2 · Zero-shot",
    "clip_page_matrix": "3 · Espacio compartido",
    "clip_page_unclip": "4 · DALL-E 2",
    "clip_page_unclip_run": "5 · Ejecutar unCLIP",
    "clip_page_unclip_variations": "6 · Variaciones",
    "clip_page_unclip_interpolate": "7 · Interpolación",
    "clip_page_unclip_compare": "8 · ¿Por qué un prior?",
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
    "photo_shapes": "cuadrado rojo y círculo azul (dibujados)",
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
        'sobre un cuadrado rojo dibujado al lado de un círculo azul, tiene que ordenar "a red square and a blue circle" frente a '
        '"a blue square and a red circle" (y las mismas dos con los objetos en el otro orden). Las cuatro frases tienen las mismas '
        "palabras, así que solo asociando cada color a su objeto puede poner primero las dos correctas; CLIP suele comparar una "
        "frase por las palabras que contiene más que por qué palabra va con qué objeto, y les da puntajes parecidos "
        "(Yuksekgonul et al., 2023, sobre modelos que se comportan como bolsas de palabras)."
    ),
    "clip_image_set": "Imágenes",
    "clip_set_digits": "Un dígito de prueba de cada clase",
    "clip_set_photos": "Las fotos incluidas",
    "clip_matrix_button": "Comparar con las etiquetas de la sección 1",
    "clip_matrix": "Matriz de similitud",
    "clip_matrix_title": "Similitud coseno entre imágenes y textos",
    "clip_matrix_text": (
        "Cada fila es una imagen y cada columna un texto (las etiquetas de la sección 1 en su plantilla). "
        "En el plano, un nombre que taparía a "
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
    "clip_unclip_caption": "Descripción (en castellano o en inglés)",
    "clip_unclip_default_caption": "un siete escrito a mano, de trazo grueso",
    "clip_unclip_prior_guidance": "Guía del prior",
    "clip_unclip_decoder_guidance": "Guía del decodificador",
    "clip_unclip_count": "Muestras",
    "clip_unclip_run": "Ejecutar unCLIP",
    "clip_unclip_map": "Embeddings de imagen que sorteó el prior",
    "clip_unclip_digits": "Dígitos decodificados (fila de arriba: x_t; de abajo: dígito limpio predicho)",
    "clip_unclip_hint": (
        "Escribí una descripción y tocá ▶ Ejecutar unCLIP: primero sortea el prior y después aparecen acá los pasos del decodificador."
    ),
    "clip_unclip_bars": "Los embeddings, coordenada por coordenada",
    "clip_unclip_err_empty": "La descripción está vacía: escribí unas palabras, por ejemplo «un siete escrito a mano».",
    "clip_unclip_err_unknown": (
        "El mini CLIP nunca leyó ninguna de estas palabras en su entrenamiento, así que no tienen significado para él. Usá "
        "nombres de dígitos o números en castellano o en inglés («un 3 escrito a mano», «a handwritten four»)."
    ),
    "clip_unclip_prior_done": (
        "Prior listo. La descripción queda más cerca de los **{digit}** reales. Coseno de los embeddings de imagen sorteados con "
        "el embedding del texto: {text_cos:.2f} (los {digit} reales: {real_cos:.2f}); con el embedding de imagen medio de los "
        "{digit} reales: {class_cos:.2f}."
    ),
    "clip_unclip_progress": "paso {i} de {n} del decodificador · {seconds:.1f}\u00a0s",
    "clip_unclip_done": "Listo: {steps} pasos DDIM del decodificador en {seconds:.1f}\u00a0s en total.",
    "clip_unclip_verdict": (
        "El clasificador reconoce **{hits} de {n}** dígitos decodificados como un **{digit}** (recuadros verdes). Su diversidad "
        "(distancia media entre los píxeles de dos muestras) es {spread:.2f}."
    ),
    "clip_unclip_map_title": "El mapa de la pestaña CLIP\nla descripción, lo que sorteó el prior y los dígitos reales",
    "clip_unclip_map_others": "Dígitos de prueba reales, otras clases",
    "clip_unclip_map_real": "Dígitos de prueba reales {digit}",
    "clip_unclip_map_text": "Embedding de texto de la descripción",
    "clip_unclip_map_drawn": "Embeddings de imagen que sorteó el prior",
    "clip_unclip_bars_image": "Embedding de imagen n.º 1 sorteado por el prior",
    "clip_unclip_bars_title": "{d} coordenadas de cada embedding (coseno entre ambos: {cos:.2f})",
    "clip_unclip_bars_axis": "Coordenada",
    "clip_unclip_source": "Origen",
    "clip_unclip_source_digit": "Un dígito de prueba",
    "clip_unclip_source_drawing": "Mi dibujo",
    "clip_unclip_example": "Número de dígito de prueba",
    "clip_unclip_draw": "Dibujá un dígito (elegí «Mi dibujo»)",
    "clip_unclip_variations_button": "Generar variaciones",
    "clip_unclip_source_view": "Origen",
    "clip_unclip_variations": "Variaciones",
    "clip_unclip_variations_text": (
        "El clasificador reconoce en el origen un **{digit}** y **{hits} de {n}** variaciones como un {digit}. Coseno medio entre "
        "los embeddings de imagen de CLIP de las variaciones y el del origen: {cos:.2f}; diversidad de las variaciones: "
        "{spread:.2f}."
    ),
    "clip_unclip_first": "Primer dígito de prueba",
    "clip_unclip_second": "Segundo dígito de prueba",
    "clip_unclip_points": "Puntos del camino",
    "clip_unclip_interpolate_button": "Interpolar",
    "clip_unclip_path": "Primer dígito · puntos decodificados del camino slerp · segundo dígito",
    "clip_unclip_interpolate_text": (
        "Los dos embeddings de imagen están a {angle:.0f}° sobre la esfera. Los {k} puntos del círculo máximo entre ellos, "
        "decodificados desde el mismo ruido, se leen como: {path}."
    ),
    "clip_unclip_per_class": "Descripciones por dígito",
    "clip_unclip_compare_button": "Comparar",
    "clip_unclip_compare_chart": "Los tres métodos, lado a lado",
    "clip_unclip_compare_title": "Dígito correcto, exhaustividad y cobertura (izquierda); diversidad (derecha)",
    "clip_unclip_col_method": "Método",
    "clip_unclip_col_accuracy": "Dígito correcto",
    "clip_unclip_col_clip_score": "Puntaje CLIP",
    "clip_unclip_col_diversity": "Diversidad",
    "clip_unclip_col_recall": "Exhaustividad",
    "clip_unclip_col_coverage": "Cobertura",
    "clip_unclip_method_unclip": "unCLIP (prior + decodificador)",
    "clip_unclip_method_text_direct": "Decodificador con el embedding de texto",
    "clip_unclip_method_caption_only": "Decodificador solo con la descripción",
    "clip_unclip_reading_holds": (
        "Acá se cumple lo que dice el artículo: unCLIP dibuja el dígito correcto casi tan seguido como el decodificador solo con "
        "la descripción ({acc_u:.0%} contra {acc_c:.0%}) y con más variedad ({div_u:.2f} contra {div_c:.2f})."
    ),
    "clip_unclip_reading_fidelity": (
        "Acá las fidelidades difieren demasiado para comparar la variedad con justicia: unCLIP {acc_u:.0%}, solo descripción "
        "{acc_c:.0%} (diversidad {div_u:.2f} contra {div_c:.2f}); el artículo habla de diversidad con fidelidad parecida."
    ),
    "clip_unclip_reading_not_diverse": (
        "Acá no se cumple lo que dice el artículo: con fidelidad parecida ({acc_u:.0%} contra {acc_c:.0%}), unCLIP no es más "
        "variado que el decodificador solo con la descripción ({div_u:.2f} contra {div_c:.2f})."
    ),
    "clip_unclip_reading_direct": (
        "Sin el prior, el decodificador con el embedding de texto acierta el dígito el {acc_d:.0%} de las veces (unCLIP {acc_u:.0%}); "
        "exhaustividad sobre los dígitos reales {rec_d:.0%} contra {rec_u:.0%} de unCLIP, cobertura {cov_d:.0%} contra {cov_u:.0%}."
    ),
    "clip_unclip_compare_done": (
        "{captions} descripciones, las mismas para los tres métodos, en {seconds:.1f}\u00a0s. Con pocas descripciones las cifras son "
        "ruidosas: el benchmark usa 100 por dígito."
    ),
    "clip_unclip_note_cut": (
        "El tokenizador del mini CLIP no conoce letras con tilde ni emojis: lee tu descripción solo hasta «{read}» "
        "(escribí, por ejemplo, «un 5 escrito a mano» o «a handwritten 5»)."
    ),
}
