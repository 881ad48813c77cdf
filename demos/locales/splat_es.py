"""Textos en castellano de la pestaña de Gaussian splatting (sus secciones de clase están en lectures/es/gaussian_splatting.md)."""

STRINGS = {
    "splat_page_hand": "1 · Una gaussiana",
    "splat_page_hand3d": "1 · Vista por una cámara",
    "splat_page_fit2d": "2 · Una imagen en 2D",
    "splat_page_fit3d": "3 · La escena 3D",
    "splat_page_view": "4 · Recorrerlo, un píxel",
    "splat_page_ply": "5 · En 3D (.ply)",
    "splat_page_compare": "6 · Contra NeRF",
    "splat_mean_x": "Centro x (píxeles)",
    "splat_mean_y": "Centro y (píxeles)",
    "splat_scale_x": "Escala sobre su primer eje (píxeles)",
    "splat_scale_y": "Escala sobre su segundo eje (píxeles)",
    "splat_angle": "Rotación (grados)",
    "splat_opacity": "Opacidad o",
    "splat_colour": "Color",
    "splat_colour_red": "Rojo",
    "splat_colour_green": "Verde",
    "splat_colour_blue": "Azul",
    "splat_colour_orange": "Naranja",
    "splat_scale3_x": "Escala s_x (ancho)",
    "splat_scale3_y": "Escala s_y (alto)",
    "splat_scale3_z": "Escala s_z (profundidad)",
    "splat_turn": "Giro sobre el eje vertical (grados)",
    "splat_turn_info": "Gira el elipsoide; los controles de la cámara cambian el punto de vista.",
    "splat_azimuth": "Azimut de la cámara (grados)",
    "splat_elevation": "Elevación de la cámara (grados)",
    "splat_distance": "Distancia de la cámara",
    "splat_hand2d": "Una gaussiana 2D y su elipse de 3σ",
    "splat_hand3d": "Una gaussiana 3D vista por la cámara y su elipse proyectada de 3σ",
    "splat_hand2d_text": (
        "Covarianza $\\Sigma = R\\,S S^\\top R^\\top = \\begin{{pmatrix}} {a} & {b} \\\\ {b} & {c} \\end{{pmatrix}}$ (píxeles²). "
        "En el centro el color tapa el fondo con alfa $= o = {o}$; la elipse roja marca dónde la gaussiana cayó a "
        "$e^{{-9/2}} \\approx 1\\ \\%$ de su pico."
    ),
    "splat_hand3d_text": (
        "La covarianza 3D $\\Sigma = {sigma}$ pasa por la rotación de la vista $W = {w}$ y por el jacobiano de la proyección "
        "en perspectiva en el centro de la gaussiana $J = {j}$; la elipse en la imagen es "
        "$\\Sigma' = J W \\Sigma W^\\top J^\\top = {cov2d}$ (píxeles²), el contorno rojo. Mové la cámara: el mismo elipsoide "
        "proyecta otra elipse."
    ),
    "splat_count": "Cantidad de gaussianas",
    "splat_count_info": "Cada una guarda 9 números: centro 2, escalas 2, ángulo, opacidad, color 3.",
    "splat_steps": "Pasos",
    "splat_densify": "Densificar (clonar, dividir, podar)",
    "splat_densify_info": "Cada 50 pasos: copia o divide las gaussianas que el error empuja más y saca las transparentes.",
    "splat_densify3_info": "Cada 100 pasos en el primer 70\u00a0% del entrenamiento (el artículo: la primera mitad).",
    "splat_lr": "Tasa de aprendizaje",
    "splat_fit2d": "La imagen, lo que dibujan las gaussianas y sus elipses",
    "splat_fit2d_hint": "Elegí una imagen y una cantidad de gaussianas y tocá **Entrenar**.",
    "splat_fit2d_status": "paso {step} de {total}: PSNR {psnr}\u00a0dB con {n} gaussianas",
    "splat_fit2d_done": "Listo: {steps} en {seconds}\u00a0s, PSNR {psnr}\u00a0dB con {n} gaussianas ({kb}\u00a0kB como números de 32 "
    "bits).",
    "splat_jpeg": (
        "Un JPEG de la misma imagen en esa cantidad de bytes como máximo (calidad {quality}, {kb}\u00a0kB) llega a {psnr}\u00a0dB: "
        "la línea de trazos."
    ),
    "splat_jpeg_none": "Ni el JPEG de menor calidad entra en esa cantidad de bytes.",
    "splat_time_ceiling": "(se detuvo en el tope de {seconds}\u00a0s de un ajuste)",
    "splat_panel_target": "la imagen",
    "splat_panel_render": "{n} gaussianas",
    "splat_panel_ellipses": "sus elipses de 3σ",
    "splat_panel_truth": "verdad (renderizador exacto)",
    "splat_panel_yours": "tu splat",
    "splat_panel_depth": "profundidad",
    "splat_panel_opacity": "opacidad acumulada",
    "splat_curves": "PSNR y cantidad de gaussianas",
    "splat_curves_title": "PSNR (continua, izquierda) y cantidad de gaussianas (punteada, derecha)",
    "splat_count_axis": "gaussianas",
    "splat_jpeg_line": "JPEG, mismos bytes: {psnr}\u00a0dB",
    "splat_sh": "Color (armónicos esféricos)",
    "splat_sh_0": "grado 0: un solo color",
    "splat_sh_1": "grado 1: cambia con la vista",
    "splat_init": "Empezar desde",
    "splat_init_surface": "puntos sobre las superficies",
    "splat_init_random": "puntos al azar dentro de los límites",
    "splat_views": "Vistas de entrenamiento",
    "splat_views_info": "Cámaras sobre el hemisferio de cuyas imágenes aprende el splat.",
    "splat_seconds": "Presupuesto de tiempo (segundos)",
    "splat_seconds_axis": "segundos de entrenamiento",
    "splat_fit3d": "Una vista reservada: la verdad y tu splat",
    "splat_fit3d_hint": (
        "Elegí la configuración y tocá **Entrenar**: una vista que ninguna cámara de entrenamiento vio se va afinando mientras "
        "las gaussianas aprenden."
    ),
    "splat_fit3d_status": "paso {step}, {seconds}\u00a0s de {limit}: PSNR en vistas reservadas {psnr}\u00a0dB, {n} gaussianas",
    "splat_fit3d_done": "Listo tras {step} pasos en {seconds}\u00a0s: PSNR en vistas reservadas {psnr}\u00a0dB con {n} gaussianas.",
    "splat_fit3d_stopped": "Detenido tras {step} pasos ({seconds}\u00a0s): PSNR en vistas reservadas {psnr}\u00a0dB con {n} gaussianas.",
    "splat_model": "Splat",
    "splat_model_shipped": "el splat de la galería",
    "splat_model_yours": "el tuyo (entrenado en la sección 3)",
    "splat_column": "Columna del píxel",
    "splat_row": "Fila del píxel",
    "splat_view": "Verdad, splat, profundidad, opacidad (hacé clic en la verdad para elegir un píxel)",
    "splat_view_text": "PSNR de esta vista: **{psnr}\u00a0dB**. Dibujada en **{ms}\u00a0ms** con {n} gaussianas, sin red neuronal.",
    "splat_blend": "La mezcla de un píxel",
    "splat_blend_title": "Las {n} gaussianas que cruza este píxel, de la más cercana a la más lejana",
    "splat_blend_title_first": "Las {shown} más cercanas de las {n} gaussianas que cruza este píxel",
    "splat_blend_axis": "gaussiana, por profundidad (1 = la más cercana)",
    "splat_blend_y": "valor (de 0 a 1)",
    "splat_pixel_text": (
        "El píxel cruza **{n}** gaussianas. Barras: el alfa $\\alpha_i$ de cada una, con su color; negro: la transmitancia "
        "$T_i$ antes de ella; naranja: su peso $T_i \\alpha_i$. Mezcla: {mine}, verdad: {truth}; al fondo le llega $T = {rest}$. "
        "Es la misma suma que en el rayo de NeRF, sobre gaussianas en lugar de muestras."
    ),
    "splat_ply_button": "Exportar como .ply y ver en 3D",
    "splat_ply_file": "El archivo .ply (para cualquier visor de splats)",
    "splat_viewer": "El splat en el visor 3D del navegador (arrastrá para girarlo)",
    "splat_compare_button": "Medir los dos en las vistas reservadas",
    "splat_compare": "Splatting contra NeRF",
    "splat_compare_title": "Calidad en vistas reservadas contra tiempo de dibujo (64×64)",
    "splat_compare_ms": "milisegundos por cuadro (escala logarítmica)",
    "splat_compare_header": "| Modelo | PSNR en vistas reservadas (dB) | ms por cuadro de 64×64 |",
    "splat_compare_reading": (
        "Medido ahora en este servidor: **{fast}** dibuja un cuadro unas **{ratio} veces** más rápido que **{slow}**. "
        "Un splat solo proyecta y mezcla las gaussianas cercanas a cada píxel; un NeRF evalúa su red en cada muestra de cada rayo y, "
        "aun salteando el espacio vacío, en varias muestras por rayo."
    ),
    "splat_contender_splat": "splat de gaussianas",
    "splat_contender_nerf": "NeRF (MLP)",
    "splat_contender_nerf_skip": "NeRF (MLP), salteando el espacio vacío",
    "splat_contender_grid": "campo en grilla de vóxeles",
    "splat_err_no_run": "Todavía no entrenaste un splat: entrená uno en la sección 3 o elegí el splat de la galería.",
    "splat_err_missing": "Falta el splat de la galería en esta instalación (assets/splat/).",
}
