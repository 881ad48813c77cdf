"""Texto en español de la interfaz. Cada clave existe también en `en.py` (un test lo verifica)."""

from demos.locales.ae_es import STRINGS as AUTOENCODERS
from demos.locales.clip_es import STRINGS as CLIP_TAB
from demos.locales.diffusion_es import STRINGS as DIFFUSION
from demos.locales.gans_es import STRINGS as GANS
from demos.locales.links_es import STRINGS as LINKS
from demos.locales.markdown import complete_table
from demos.locales.nerf_es import STRINGS as NERF_TAB
from demos.locales.sd_es import STRINGS as SD_TAB
from demos.locales.splat_es import STRINGS as SPLAT_TAB
from demos.locales.trilemma_es import STRINGS as TRILEMMA

STRINGS: dict[str, str] = {
    "ov_page_fit": "Discriminativo y generativo",
    "ov_page_trilemma": "El trilema generativo",
    "ov_page_map": "Mapa de la galería",
    # --- general -------------------------------------------------------------------------
    "app_title": "Galería de modelos generativos",
    "app_header": (
        "# Galería de modelos generativos\n"
        "La unidad de modelos generativos, una pestaña por idea: GANs, autoencoders, difusión, CLIP, "
        "Stable Diffusion, NeRF y Gaussian splatting. Cada pestaña explica su idea y, cuando sus modelos están listos, "
        "te deja probarla; todos los modelos corren en la CPU de una notebook."
    ),
    "error_title": "Revisá la entrada",
    "common_read_more": "Más: la explicación y sus ecuaciones",
    "common_more_settings": "Más ajustes",
    "common_seed": "Semilla",
    "common_gif": "Guardar como GIF",
    "common_gif_file": "GIF animado de esta corrida (para diapositivas)",
    "common_gif_empty": (
        "Todavía no hay nada grabado: el GIF guarda lo que mostró esta vista durante una corrida, y todavía no hubo ninguna."
    ),
    "common_dataset": "Conjunto de datos",
    "common_ds_ring": "Anillo de 8 gaussianas",
    "common_ds_grid": "Grilla de 25 gaussianas",
    "common_ds_moons": "Dos lunas",
    "common_ds_spiral": "Espiral (dos brazos)",
    "common_ds_swiss_roll": "Rollo suizo",
    "common_ds_csv": "Mis puntos (CSV subido)",
    "common_csv_file": "CSV con x, y[, etiqueta]",
    "common_csv_help": (
        "*Tus propios puntos:* subí un CSV con columnas `x, y` y, si querés, una `etiqueta` entera (de 0 a 99); "
        "después elegí **Mis puntos** como conjunto de datos. Entre 3 y 20.000 filas, 2\u00a0MB como máximo."
    ),
    "num_points": "Cantidad de puntos de entrenamiento",
    "components": "Componentes de la mezcla K",
    "em_iterations": "Rondas de ajuste (iteraciones de EM)",
    "classifier_steps": "Pasos de entrenamiento del clasificador",
    "new_points": "Puntos nuevos a generar",
    # sustantivos contados, para t(key, lang, count=n): "1 muestra", "2 muestras"
    "common_n_samples_one": "{count} muestra",
    "common_n_samples_other": "{count} muestras",
    "common_n_steps_one": "{count} paso",
    "common_n_steps_other": "{count} pasos",
    "common_sharing_one": "el servidor entrena {count} ejecución en vivo más por turnos con la tuya",
    "common_sharing_other": "el servidor entrena {count} ejecuciones en vivo más por turnos con la tuya",
    # --- errores -------------------------------------------------------------------------
    "common_err_image_unreadable": (
        "Ese archivo no se pudo leer como imagen (puede estar dañado, en un formato desconocido o ser demasiado grande). Probá con un PNG "
        "o un JPEG."
    ),
    "common_err_not_number": "«{name}» tiene que ser un número.",
    "common_err_not_finite": "«{name}» tiene que ser un número finito (ni NaN ni infinito).",
    "common_err_not_integer": "«{name}» tiene que ser un número entero.",
    "common_err_range": "«{name}» tiene que estar entre {lo} y {hi}.",
    "common_err_choice": "«{name}» tiene que ser uno de: {choices}.",
    "common_err_csv_missing": "Primero subí un archivo CSV y después elegí «Mis puntos».",
    "ov_csv_wait": "Elegiste **Mis puntos**: subí tu CSV en el recuadro «{box}» y los dos modelos se ajustan apenas llegue.",
    "err_too_few_points": "Hay {n} puntos pero K = {k} componentes: usá menos componentes o más puntos.",
    "err_fit_first": "Primero ajustá los modelos (elegí un conjunto de datos) y después generá puntos nuevos.",
    "common_csv_too_big": "El CSV pesa más de {limit} bytes; subí un archivo más chico.",
    "common_csv_too_many": "El CSV tiene más de {limit} filas; dejá como máximo {limit}.",
    "common_csv_too_few": "El CSV necesita al menos {minimum} filas de x, y.",
    "common_csv_columns": "La fila {row} del CSV necesita dos números, x e y.",
    "common_csv_not_number": "La fila {row} del CSV tiene texto donde debería haber un número.",
    "common_csv_not_finite": "La fila {row} del CSV tiene un valor NaN o infinito.",
    "common_csv_label": "Fila {row} del CSV: las etiquetas tienen que ser enteros de 0 a 99.",
    # --- pestañas ------------------------------------------------------------------------
    "tab_overview": "Panorama",
    "tab_gans": "GANs",
    "tab_autoencoders": "Autoencoders",
    "tab_diffusion": "Difusión",
    "tab_clip": "CLIP y DALL-E 2",
    "tab_sd": "Stable Diffusion",
    "tab_nerf": "NeRF",
    "tab_3dgs": "Gaussian Splatting",
    "tab_trilemma": "Trilema y FID",
    "tab_explore": "Explorar",
    "explore_page_stylegan": "Modelos: StyleGAN",
    "explore_page_translation": "Modelos: traducción, rostros, 3D",
    "explore_page_resources": "Listas de recursos",
    "explore_page_datasets": "Conjuntos de datos",
    # --- panorama ------------------------------------------------------------------------
    "ov_clf_plot": "Regiones de decisión",
    "ov_clf_title": "Clasificador: color = p(y | x)",
    "ov_gen_plot": "Densidad y muestras nuevas",
    "ov_gen_title": "Mezcla de gaussianas: curvas de nivel de log p(x)",
    "ov_sample_button": "Generar puntos nuevos",
    "ov_fit_button": "Reajustar ambos modelos",
    "ov_download": "Puntos nuevos (CSV)",
    "ov_code": "Ver el código de una iteración de EM",
    "ov_code_help": "Esta es exactamente la función que ejecuta la pestaña (de `core/gmm.py`): un paso E y un paso M.",
    "ov_summary": (
        "**Clasificador:** {acc:.1f}\u00a0% de exactitud en entrenamiento tras {steps} pasos. "
        "**Mezcla:** K = {k}, {iters} iteraciones de EM, log-verosimilitud media {ll:.3f} nats por punto (más alta es mejor)."
    ),
    "ov_sampled_one": "Se generó **{count}** punto nuevo; su log-verosimilitud bajo la mezcla es {ll:.3f}.",
    "ov_sampled_other": "Se generaron **{count}** puntos nuevos; su log-verosimilitud media bajo la mezcla es {ll:.3f}.",
    "ov_class": "clase {k}",
    "ov_data": "datos de entrenamiento",
    "ov_components": "componentes (2σ)",
    "ov_new_points": "muestras nuevas",
    "tri_header": "## El trilema generativo",
    "tri_title": "Calidad, velocidad, cobertura: elegí dos",
    "tri_quality": "Calidad de muestras",
    "tri_speed": "Muestreo rápido",
    "tri_coverage": "Cobertura de modos / diversidad",
    "tri_gan": "GANs",
    "tri_gan_why": "GANs: muestras nítidas en una sola pasada de la red, pero tienden a perder modos (colapso de modos).",
    "tri_diffusion": "Difusión",
    "tri_diffusion_why": "Difusión: muestras nítidas y diversas, pero cientos de pasadas de la red por muestra.",
    "tri_vae": "VAEs",
    "tri_vae_why": "VAEs: una pasada y buena cobertura, pero muestras más borrosas.",
    "tri_ddgan": "GAN de difusión (DDGAN)",
    "tri_ddgan_why": "Xiao et al. (ICLR 2022) combinan ambos: difusión con pocos pasos grandes, cada uno modelado por una GAN.",
    # --- explorar ------------------------------------------------------------------------
    "stylegan_nada": (
        "Adapta una StyleGAN preentrenada a un dominio nuevo descrito solo con palabras (p. ej. «boceto»), guiada por CLIP, sin ninguna "
        "imagen de ese dominio."
    ),
    "psp": (
        "Un codificador que lleva una imagen directamente al espacio latente extendido de StyleGAN, para inversión y tareas de imagen a "
        "imagen (de boceto o segmentación a rostro)."
    ),
    "e4e": (
        "Un codificador para invertir StyleGAN diseñado para que el código invertido siga siendo editable: cede un poco de fidelidad a "
        "cambio de ediciones mucho mejores."
    ),
    "hyperstyle": (
        "Invierte imágenes reales prediciendo, con una hiperred, pequeños cambios en los pesos de StyleGAN: reconstrucciones fieles que "
        "siguen siendo editables."
    ),
    "styleflow": (
        "Edita atributos de imágenes de StyleGAN (edad, pose, iluminación, anteojos) con flujos normalizantes continuos condicionales en "
        "el espacio latente."
    ),
    "stylegan3_editing": (
        "Estudia la inversión y edición con StyleGAN3, incluida la edición de videos gracias a su diseño sin aliasing y equivariante a "
        "traslaciones."
    ),
    "sam_age": (
        "Transformación de la edad de rostros como una regresión en el espacio latente de StyleGAN, condicionada por la edad objetivo."
    ),
    "gangealing": (
        "Alinea todas las imágenes de una categoría (gatos, autos, rostros) a una pose común, aprendiendo la alineación con supervisión "
        "generada por una GAN."
    ),
    "stargan_v2": (
        "Un único generador traduce una imagen a varios dominios (p. ej. gato, perro, animal salvaje) con estilos diversos en cada dominio."
    ),
    "fsgan": "Intercambio y recreación de rostros que funciona con cualquier par de personas sin entrenar con ellas.",
    "cyclegan": "Traducción de imagen a imagen sin pares (caballo a cebra, verano a invierno) con una pérdida de consistencia cíclica.",
    "discogan": "Descubre relaciones entre dos dominios (p. ej. carteras y zapatos) sin ejemplos emparejados, con dos GANs acopladas.",
    "point_nerf": (
        "Un campo de radiancia asociado a una nube de puntos neuronales, que reconstruye escenas mucho más rápido que un NeRF puro."
    ),
    "res_gans_deepfakes": "Una lista curada de papers, código y herramientas de GANs y deepfakes.",
    "res_gans_apps": "Aplicaciones de GANs organizadas por tarea, con papers y código.",
    "res_gan_zoo": "Una lista de cientos de variantes de GAN con nombre propio y sus papers.",
    "res_vaes": "Papers sobre autoencoders variacionales, organizados por tema.",
    "res_diffusion": "Una lista grande y actualizada de papers de modelos de difusión por área.",
    "res_diffusion_survey": (
        "Un relevamiento de los modelos de difusión: métodos (muestreo, verosimilitud, datos estructurados) y aplicaciones."
    ),
    "res_nerf": "Papers y código sobre campos de radiancia neuronales, por tema.",
    "res_3dgs": "Papers, código y visores de 3D Gaussian splatting.",
    "res_genai": "Un panorama de papers de IA generativa en imágenes, video, 3D y más.",
    "data_celebamask": (
        "30.000 imágenes de rostros en alta resolución con máscaras por píxel de 19 partes de la cara, para edición y segmentación de "
        "rostros."
    ),
    "data_deepfashion": (
        "44.000 imágenes de moda de cuerpo entero con máscaras de segmentación, puntos clave, atributos y descripciones en texto."
    ),
    # --- tablero -------------------------------------------------------------------------
    "dash_title": "Tablero del trilema generativo",
    "dash_found": "Archivo de resultados: {path}",
    "dash_language": "Idioma",
    "dash_source": "Resultados",
    "dash_source_full": "Ejecución completa incluida",
    "dash_source_quick": "Mi ejecución rápida",
    "dash_datasets": "Conjuntos de datos",
    "dash_models": "Modelos",
    "dash_ours": "Nuestra escala: los modelos de esta galería",
    "dash_paper": "La escala del artículo: CIFAR-10 (Xiao et al. 2022, tabla 1)",
    "dash_charts": "Gráficos",
    "dash_radar": "Triángulos",
    "dash_steps": "Pasos frente a calidad",
    "dash_samples": "Muestras de cada modelo",
    "dash_claims": "Dónde se cumplen las afirmaciones del curso a esta escala",
    "dash_rerun": "Volver a ejecutar el benchmark rápido",
    "dash_rerun_help": (
        "Vuelve a entrenar todas las familias con presupuestos mínimos en el anillo y los dígitos (una semilla, unos minutos) y muestra "
        "esas cifras: comprueba que el proceso funciona, no sustituye a la ejecución completa."
    ),
    "dash_progress": "Benchmark rápido: {done} de {total} modelos medidos ({last})",
    "dash_done": (
        "Benchmark rápido terminado: {path}. La página ya muestra sus cifras; elegí «Ejecución completa incluida» en la barra lateral para "
        "volver."
    ),
    "dash_busy": "Ya hay un benchmark rápido en marcha (lo inició alguien en este servidor). Esperá a que termine y recargá.",
    "dash_nothing": "Elegí al menos un conjunto de datos y un modelo.",
    "dash_pending": (
        "Faltan los resultados de la comparación ({error}). Quien da el curso puede volver a generarlos (la ejecución completa "
        "entrena cada modelo varias veces y tarda mucho más que la rápida), o podés lanzar la ejecución rápida de abajo."
    ),
    "dash_steps_caption": (
        "x: evaluaciones de la red por muestra (escala logarítmica); y: el FID en dígitos, la distancia de Fréchet en datos 2D (menor "
        "es mejor); una línea por familia (DDPM y DDIM comparten una red), barras: dispersión entre semillas."
    ),
    "dash_samples_caption": (
        "Muestras de cada modelo entrenado: los dígitos de 8x8 como imágenes; los datos 2D como puntos, sobre los datos reales."
    ),
    # --- values the server could not read (the public API) ----------------------------------
    "common_err_missing_values": (
        "Esta acción recibe {expected} valores y le llegaron {got}: mandá uno por cada parámetro de la página de la API."
    ),
    "common_err_values_unreadable": "No se pudo leer uno de los valores enviados: revisalos con la página de la API.",
    "common_err_bad_image": (
        "«{name}» no se pudo leer como imagen (un archivo dañado o de formato desconocido, una URL que el servidor no puede "
        "descargar, o más de {megapixels} millones de píxeles). Mandá un PNG o un JPEG."
    ),
    "common_err_bad_file": "«{name}» no se pudo leer: mandá un archivo subido de tipo {types}.",
    "common_err_bad_value": "«{name}» tiene un valor de un tipo equivocado: mirá en la página de la API qué recibe.",
    "common_any_type": "cualquier tipo",
}

_LABELS = {
    "paper": "paper",
    "code": "código",
    "name": "Nombre",
    "what": "Qué hace",
    "links": "Enlaces",
    "family": "Familia",
    "all_families": "todas",
    "resources_header": "Listas de recursos",
    "datasets_header": "Conjuntos de datos",
    "fam_stylegan": "Inversión y edición con StyleGAN",
    "fam_translation": "Traducción de imagen a imagen y rostros",
    "fam_3d": "3D",
}
# The tabs' tables, the long lecture and help texts from lectures/es/*.md (Markdown, never formatted), the catalogue.
LECTURES = complete_table(STRINGS, [GANS, AUTOENCODERS, DIFFUSION, TRILEMMA, CLIP_TAB, SD_TAB, NERF_TAB, SPLAT_TAB, LINKS], "es", _LABELS)
