"""Texto en español de la pestaña NeRF."""

STRINGS: dict[str, str] = {
    "nerf_model": "Campo de radiancia",
    "nerf_field_nerf": "NeRF (MLP)",
    "nerf_field_grid": "Grilla de vóxeles",
    "nerf_azimuth": "Azimut (grados)",
    "nerf_elevation": "Elevación (grados)",
    "nerf_distance": "Distancia al centro",
    "nerf_fixed_direction": "Fijar la dirección de observación",
    "nerf_fixed_direction_info": "El campo recibe entonces solo una entrada 3D: mirá cómo el brillo de la esfera deja de moverse.",
    "nerf_skip_empty": "Saltear el espacio vacío",
    "nerf_skip_empty_info": (
        "Una grilla de ocupación del campo (medida una vez) manda a la red solo las muestras donde hay"
        " materia, y un rayo se detiene cuando se agota: la imagen es la misma, compará los milisegundos."
    ),
    "nerf_column": "Columna del píxel",
    "nerf_row": "Fila del píxel",
    "nerf_sampling": "Muestras a lo largo del rayo",
    "nerf_sampling_stratified": "Estratificadas (intervalos parejos)",
    "nerf_sampling_hierarchical": "Jerárquicas (mitad parejas, mitad donde están los pesos)",
    "nerf_samples": "Muestras por rayo",
    "nerf_kind": "Campo a entrenar",
    "nerf_frequencies": "Frecuencias de la codificación posicional L",
    "nerf_frequencies_info": "Solo NeRF. Con L = 0 entran las coordenadas crudas: la ablación borrosa del artículo.",
    "nerf_views": "Vistas de entrenamiento",
    "nerf_views_info": "Con pocas vistas el campo las ajusta y falla entre ellas.",
    "nerf_width": "Ancho de la red",
    "nerf_view_dependent": "El color depende de la dirección de observación",
    "nerf_lr": "Tasa de aprendizaje (0: la del campo)",
    "nerf_lr_info": "Por defecto: 0,005 para el MLP; 0,4 para los vóxeles de la grilla (su pequeño decodificador de color sigue en 0,005).",
    "nerf_seconds": "Tiempo disponible (segundos)",
    "nerf_err_missing": "Los campos de radiancia incluidos no están en este servidor; quien dicta el curso puede reentrenarlos.",
    "nerf_surfaces": "Superficies de la escena",
    "nerf_train_cameras_one": "{count} cámara de entrenamiento",
    "nerf_train_cameras_other": "{count} cámaras de entrenamiento",
    "nerf_held_out_cameras_one": "{count} cámara reservada",
    "nerf_held_out_cameras_other": "{count} cámaras reservadas",
    "nerf_bounds": "Límites de la escena",
    "nerf_light": "Dirección de la luz",
    "nerf_scene_title": "La escena, sus cámaras de entrenamiento (azul) y las reservadas (naranja)",
    "nerf_panel_truth": "Imagen real",
    "nerf_panel_depth": "Profundidad (violeta cerca, amarillo lejos)",
    "nerf_panel_opacity": "Opacidad (blanco = opaco)",
    "nerf_panel_yours": "Tu campo",
    "nerf_view": "La vista: la imagen real, el render del campo, su profundidad y su opacidad (hacé clic en un píxel para ver su rayo)",
    "nerf_fly_text": (
        "**PSNR de esta vista: {psnr}\u00a0dB** contra el render exacto; el campo tardó {ms}\u00a0ms en 64x64 píxeles"
        ", salteando el espacio vacío (a la red llegan solo las muestras en celdas con densidad, hasta donde el rayo se agota)."
    ),
    "nerf_fly_text_full": (
        "**PSNR de esta vista: {psnr}\u00a0dB** contra el render exacto; el campo tardó {ms}\u00a0ms en 64x64 píxeles"
        ", con cada muestra de cada rayo pasando por la red."
    ),
    "nerf_fixed_note": "Dirección fija: cada punto se colorea como visto desde el azimut 0°, así que los brillos ya no te siguen.",
    "nerf_ray_sigma": "densidad σ (marcadores: el color del campo)",
    "nerf_ray_weights": "pesos w = T (1 − e^(−σδ))",
    "nerf_ray_surface": "superficie real",
    "nerf_ray_title": "Un rayo, desde que entra a los límites de la escena hasta que sale",
    "nerf_ray_sigma_axis": "densidad σ",
    "nerf_ray_weight_axis": "T y w",
    "nerf_ray_distance": "distancia t a lo largo del rayo",
    "nerf_ray_text": (
        "Píxel ({column}, {row}), {samples} muestras. Los pesos suman una opacidad de **{opacity}**; "
        "el rayo da {rendered}, la imagen real es {truth}; la superficie real está en t = {depth}."
    ),
    "nerf_status": "Paso {step}, {seconds}\u00a0s de {limit}\u00a0s: PSNR en la vista reservada **{psnr}\u00a0dB**…",
    "nerf_status_done": "Listo: {step} pasos en {seconds}\u00a0s; PSNR en la vista reservada **{psnr}\u00a0dB**.",
    "nerf_status_stopped": "Detenido en el paso {step} tras {seconds}\u00a0s; PSNR en la vista reservada **{psnr}\u00a0dB**.",
    "nerf_hint": "Elegí un campo y tocá Entrenar: la vista reservada de la derecha se vuelve nítida a medida que aprende.",
    "nerf_live": "Una vista reservada: la imagen real y tu campo",
    "nerf_curve_benchmark": "{field}, corrida incluida (benchmark)",
    "nerf_curve_yours_held_out": "tu corrida, vista reservada",
    "nerf_curve_yours_train": "tu corrida, lote de entrenamiento",
    "nerf_curves_title": "PSNR en vistas reservadas contra tiempo de entrenamiento (más alto es más nítido)",
    "nerf_seconds_axis": "segundos de entrenamiento en esta máquina",
    "nerf_turntable": "Generar un GIF giratorio del campo incluido",
    "nerf_turntable_label": "Vuelta completa (24 cuadros)",
    "nerf_scene_plot": "La escena en 3D (arrastrá para girarla)",
    "nerf_ray_plot": "Las muestras de un rayo",
    "nerf_curves_plot": "PSNR en vistas reservadas contra segundos",
}
