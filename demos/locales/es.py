"""Texto en español de la interfaz. Cada clave existe también en `en.py` (un test lo verifica)."""

from demos.locales.ae_es import STRINGS as AUTOENCODERS
from demos.locales.catalog import render_catalog
from demos.locales.clip_es import STRINGS as CLIP_TAB
from demos.locales.diffusion_es import STRINGS as DIFFUSION
from demos.locales.gans_es import STRINGS as GANS
from demos.locales.sd_es import STRINGS as SD_TAB
from demos.locales.trilemma_es import STRINGS as TRILEMMA

STRINGS: dict[str, str] = {
    # --- general -------------------------------------------------------------------------
    "app_title": "Galería de modelos generativos",
    "app_header": (
        "# Galería de modelos generativos\n"
        "Demos interactivas de la unidad de modelos generativos: GANs, autoencoders, difusión, CLIP, "
        "Stable Diffusion, NeRF y Gaussian splatting. Todos los modelos corren en la CPU de una notebook."
    ),
    "error_title": "Revisá la entrada",
    "seed": "Semilla",
    "dataset": "Conjunto de datos",
    "ds_ring": "Anillo de 8 gaussianas",
    "ds_grid": "Grilla de 25 gaussianas",
    "ds_moons": "Dos lunas",
    "ds_spiral": "Espiral (dos brazos)",
    "ds_swiss_roll": "Rollo suizo",
    "ds_csv": "Mis puntos (CSV subido)",
    "csv_file": "CSV con x, y[, etiqueta]",
    "csv_help": (
        "*Tus propios puntos:* subí un CSV con columnas `x, y` y, si querés, una `etiqueta` entera (de 0 a 99); "
        "después elegí **Mis puntos** como conjunto de datos. Entre 3 y 20.000 filas, 2 MB como máximo."
    ),
    "num_points": "Cantidad de puntos de entrenamiento",
    "components": "Componentes de la mezcla K",
    "em_iterations": "Iteraciones de EM",
    "classifier_steps": "Pasos de entrenamiento del clasificador",
    "new_points": "Puntos nuevos a generar",
    "coming_soon": (
        "> **La parte interactiva de esta pestaña está en camino.** Lo que leés arriba es la idea que te va a "
        "permitir explorar; los controles aparecerán acá cuando sus modelos estén entrenados y probados."
    ),
    # --- errores -------------------------------------------------------------------------
    "err_image_unreadable": "Ese archivo no se pudo leer como imagen (puede estar dañado, en un formato desconocido o ser demasiado grande). Prueba con un PNG o un JPEG.",
    "err_not_number": "«{name}» tiene que ser un número.",
    "err_not_finite": "«{name}» tiene que ser un número finito (ni NaN ni infinito).",
    "err_not_integer": "«{name}» tiene que ser un número entero.",
    "err_range": "«{name}» tiene que estar entre {lo} y {hi}.",
    "err_choice": "«{name}» tiene que ser uno de: {choices}.",
    "err_csv_missing": "Primero subí un archivo CSV y después elegí «Mis puntos».",
    "ov_csv_wait": "Elegiste **Mis puntos**: subí tu CSV en el recuadro «{box}» y los dos modelos se ajustan apenas llegue.",
    "err_too_few_points": "Hay {n} puntos pero K = {k} componentes: usá menos componentes o más puntos.",
    "err_fit_first": "Primero ajustá los modelos (elegí un conjunto de datos) y después generá puntos nuevos.",
    "csv_too_big": "El CSV pesa más de {limit} bytes; subí un archivo más chico.",
    "csv_too_many": "El CSV tiene más de {limit} filas; dejá como máximo {limit}.",
    "csv_too_few": "El CSV necesita al menos {minimum} filas de x, y.",
    "csv_columns": "La fila {row} del CSV necesita dos números, x e y.",
    "csv_not_number": "La fila {row} del CSV tiene texto donde debería haber un número.",
    "csv_not_finite": "La fila {row} del CSV tiene un valor NaN o infinito.",
    "csv_label": "Fila {row} del CSV: las etiquetas tienen que ser enteros de 0 a 99.",
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
    # --- panorama ------------------------------------------------------------------------
    "ov_intro": (
        "## Generativo vs discriminativo\n"
        "Los dos modelos de abajo ven los mismos puntos 2D etiquetados. El **discriminativo** aprende solo "
        "$p(y\\mid x)$: a qué clase pertenece un punto. El **generativo** aprende $p(x)$: dónde viven los datos, "
        "así que puede inventar puntos nuevos. Cambiá el conjunto de datos o cualquier control y ambos se reajustan."
    ),
    "ov_clf_header": "### Discriminativo: $p(y \\mid x)$\nUna red neuronal pequeña (MLP) entrenada con entropía cruzada.",
    "ov_clf_plot": "Regiones de decisión",
    "ov_clf_title": "Clasificador: color = p(y | x)",
    "ov_clf_text": (
        "**Puede:** separar las clases; el color de cada región es la clase predicha, y los colores mezclados "
        "marcan dónde duda (la frontera).\n\n"
        "**No puede:** decir si un punto se parece a los datos. Lejos de todos los puntos sigue seguro de una clase, "
        "y no tiene forma de producir un punto nuevo."
    ),
    "ov_gen_header": (
        "### Generativo: $p(x) = \\sum_k \\pi_k\\, \\mathcal{N}(x;\\mu_k,\\Sigma_k)$\n"
        "Una mezcla de gaussianas ajustada por esperanza-maximización (EM), escrita desde cero en `core/gmm.py`."
    ),
    "ov_gen_plot": "Densidad y muestras nuevas",
    "ov_gen_title": "Mezcla de gaussianas: curvas de nivel de log p(x)",
    "ov_gen_text": (
        "**Puede:** medir qué tan plausible es cualquier punto (las curvas de nivel) y **generar puntos nuevos**: elige "
        "una componente con probabilidad $\\pi_k$ y muestrea su gaussiana. Las elipses naranjas abarcan 2 desvíos estándar.\n\n"
        "**No puede (acá):** clasificar por sí solo, y con pocas componentes desdibuja formas finas como la espiral: "
        "un modelo demasiado simple da malas muestras. Subí K y mirá cómo mejoran."
    ),
    "ov_sample_button": "Generar puntos nuevos",
    "ov_fit_button": "Reajustar ambos modelos",
    "ov_download": "Puntos nuevos (CSV)",
    "ov_code": "Ver el código de una iteración de EM",
    "ov_code_help": "Esta es exactamente la función que ejecuta la pestaña (de `core/gmm.py`): un paso E y un paso M.",
    "ov_summary": (
        "**Clasificador:** {acc:.1f}% de exactitud en entrenamiento tras {steps} pasos. "
        "**Mezcla:** K = {k}, {iters} iteraciones de EM, log-verosimilitud media {ll:.3f} nats por punto (más alta es mejor)."
    ),
    "ov_sampled": "Se generaron **{n}** puntos nuevos; su log-verosimilitud media bajo la mezcla es {ll:.3f}.",
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
    "tri_text": (
        "A un modelo generativo se le piden tres cosas a la vez: **muestras de alta calidad**, **muestreo rápido** y "
        "**cobertura de todos los modos** de los datos (diversidad). Según la materia, las familias actuales logran dos:\n\n"
        "- **GANs**: calidad y velocidad, poca cobertura.\n"
        "- **Modelos de difusión**: calidad y cobertura, lentos (muchos pasos de eliminación de ruido).\n"
        "- **VAEs**: velocidad y cobertura, menor calidad.\n\n"
        "El término viene de Xiao et al., *Tackling the Generative Learning Trilemma with Denoising Diffusion GANs* "
        "(ICLR 2022). La pestaña **Trilema y FID** mide estas tres esquinas para los modelos propios de la galería."
    ),
    "ov_map": (
        "## Mapa de la galería\n"
        "| Pestaña | Qué podés hacer ahí |\n|---|---|\n"
        "| **Panorama** | Generativo vs discriminativo con datos 2D; el trilema. |\n"
        "| **GANs** | Entrenar una GAN en vivo con datos 2D, ver el discriminador, el colapso de modos y el desvanecimiento del gradiente; una GAN de dígitos. |\n"
        "| **Autoencoders** | AE vs VAE: el espacio latente, sus huecos, el truco de reparametrización, AE lineal vs PCA. |\n"
        "| **Difusión** | Agregar ruido paso a paso y aprender a quitarlo; muestreadores DDPM y DDIM, guía. |\n"
        "| **CLIP y DALL-E 2** | Un espacio compartido para imágenes y texto; clasificación zero-shot; el pipeline unCLIP. |\n"
        "| **Stable Diffusion** | Difusión en el espacio latente de un autoencoder, condicionada por texto. |\n"
        "| **NeRF** | Una escena 3D como un campo neuronal renderizado a lo largo de rayos de cámara. |\n"
        "| **Gaussian Splatting** | Una escena como miles de gaussianas, renderizada rápido. |\n"
        "| **Trilema y FID** | Calidad, velocidad y cobertura de cada familia, medidas; cómo funciona FID. |\n"
        "| **Explorar** | Modelos, listas de recursos y conjuntos de datos para seguir aprendiendo. |"
    ),
    # --- pestañas temáticas ----------------------------------------------------------------
    "topic_autoencoders": (
        "## Autoencoders y autoencoders variacionales\n"
        "Un **autoencoder** (AE) comprime una imagen en un código pequeño $z = f(x)$ y la reconstruye, $\\hat x = g(z)$, "
        "minimizando $\\lVert x - \\hat x \\rVert^2$. Comprime bien, pero nada ordena su espacio latente: entre los "
        "códigos de imágenes reales quedan **huecos**, y un código al azar se decodifica como basura. Un AE lineal "
        "genera el mismo subespacio que las primeras componentes principales (PCA); la no linealidad es lo que hace "
        "más poderosos a los AE.\n\n"
        "Un **autoencoder variacional** (Kingma y Welling, 2013) hace que el codificador devuelva una media $\\mu$ y un "
        "desvío estándar $\\sigma$, muestrea $z = \\mu + \\sigma \\odot \\epsilon$ con $\\epsilon \\sim \\mathcal{N}(0, I)$ "
        "(el **truco de reparametrización**, para que el gradiente atraviese el muestreo) y suma un término KL que lleva "
        "cada distribución de códigos hacia $\\mathcal{N}(0, I)$:\n\n"
        "$$\\mathcal{L} = \\lVert x - g(z) \\rVert^2 + \\beta\\, \\mathrm{KL}\\big(\\mathcal{N}(\\mu, \\sigma^2)\\,\\Vert\\,\\mathcal{N}(0, I)\\big)$$\n\n"
        "El espacio latente se vuelve suave: cada punto se decodifica en algo plausible y recorrerlo transforma un "
        "dígito en otro. Abajo, un AE y un VAE entrenados con los mismos dígitos, lado a lado (código: `core/autoencoders.py`)."
    ),
    "topic_diffusion": (
        "## Modelos de difusión (Sohl-Dickstein et al. 2015; Ho, Jain y Abbeel 2020)\n"
        "El **proceso directo** agrega un poco de ruido gaussiano en cada uno de $T$ pasos (típicamente de 50 a 1.000), "
        "una cadena de Markov que termina en estática pura. Tiene forma cerrada:\n\n"
        "$$x_t = \\sqrt{\\bar\\alpha_t}\\, x_0 + \\sqrt{1 - \\bar\\alpha_t}\\, \\epsilon, \\qquad \\epsilon \\sim \\mathcal{N}(0, I)$$\n\n"
        "Una única red, una **U-Net** (un codificador-decodificador que conserva el tamaño de la imagen, con cuello de "
        "botella y conexiones de salto) a la que se le dice en qué paso está, aprende a deshacerlo. Predecir el ruido "
        "$\\epsilon$ es más fácil que predecir la imagen, y el ruido predicho apunta en la dirección del **score**, hacia "
        "datos más probables y menos ruidosos. El muestreo parte de ruido y lo limpia paso a paso: por eso la difusión es lenta.\n\n"
        "Abajo: el proceso directo sobre cualquier imagen, un DDPM entrenado desde cero con dígitos que genera paso a paso, "
        "el atajo de DDIM, la guía sin clasificador, tres objetivos de predicción, la propia U-Net y un laboratorio 2D con "
        "el campo de score aprendido (código: `core/diffusion/`)."
    ),
    "topic_clip": (
        "## CLIP y DALL-E 2\n"
        "**CLIP** entrena juntos un codificador de imágenes y uno de texto para que una imagen y su descripción queden "
        "cerca en un mismo espacio de embeddings compartido (una pérdida contrastiva sobre un lote de pares). Clasificar "
        "una imagen ya no requiere entrenamiento: se codifican etiquetas como *«una foto de un {etiqueta}»* y se elige la "
        "más parecida. CLIP tiene dificultades conocidas para **contar** objetos y con **colores específicos** de objetos "
        "específicos.\n\n"
        "$$p(\\text{etiqueta}_i \\mid \\text{imagen}) = \\mathrm{softmax}_i\\big(s \\cdot \\cos(e_{\\text{img}}, e_{\\text{texto}_i})\\big)$$\n\n"
        "**DALL-E 2** (*unCLIP*, 2022) usa CLIP al revés: se codifica el texto, un **prior** convierte el embedding de "
        "texto en un embedding de imagen, y un **decodificador de difusión** convierte ese embedding en píxeles.\n\n"
        "Abajo: clasificación zero-shot con tus propias etiquetas y un control de temperatura, matrices de similitud, el "
        "espacio compartido dibujado en 2D, los casos en que CLIP falla y el proceso de unCLIP (código: "
        "`core/clip_tools.py`, `core/mini_clip.py`)."
    ),
    "topic_sd": (
        "## Stable Diffusion: difusión latente (Rombach et al., 2022)\n"
        "La difusión sobre píxeles de tamaño completo es cara. La **difusión latente** primero entrena un autoencoder que "
        "comprime la imagen en un latente mucho más chico (en Stable Diffusion, 512×512×3 píxeles pasan a 64×64×4 números), "
        "hace todo el proceso de difusión en ese espacio latente y decodifica solo al final. Por eso corre en una PC.\n\n"
        "El texto entra mediante un codificador de texto de CLIP y **atención cruzada** en la U-Net; la **guía sin "
        "clasificador** empuja la muestra hacia el prompt:\n\n"
        "$$\\hat\\epsilon = \\epsilon_\\theta(z_t, \\varnothing) + w\\,\\big(\\epsilon_\\theta(z_t, \\text{texto}) - \\epsilon_\\theta(z_t, \\varnothing)\\big)$$\n\n"
        "La misma idea acepta muchas otras condiciones: mapas semánticos, puntos clave, bocetos, profundidad, mapas de "
        "normales, bordes, garabatos. Abajo: un pipeline real de texto a imagen de `diffusers` (el mini modelo propio de "
        "la galería, o uno real cuando sus pesos están en esta máquina) con la eliminación de ruido en directo, el ida y "
        "vuelta por el autoencoder y la imagen a imagen (código: `core/latent_diffusion.py`, `core/mini_ldm.py`)."
    ),
    "topic_nerf": (
        "## Campos de radiancia neuronales (Mildenhall et al., 2020)\n"
        "Un NeRF representa una escena 3D como una función aprendida por un MLP: dada una posición $(x, y, z)$ y una "
        "dirección de observación $(\\theta, \\phi)$, devuelve una **densidad** $\\sigma$ (que depende solo de la posición) "
        "y un **color** que puede depender de la dirección (reflejos). Una imagen se forma lanzando un rayo por cada "
        "píxel y acumulando colores a lo largo de él con el renderizado volumétrico clásico:\n\n"
        "$$C(r) = \\sum_i T_i\\,\\big(1 - e^{-\\sigma_i \\delta_i}\\big)\\, c_i, \\qquad T_i = \\exp\\Big(-\\sum_{j<i} \\sigma_j \\delta_j\\Big)$$\n\n"
        "Para entrenarlo hacen falta fotos con poses de cámara, parámetros intrínsecos y límites de la escena conocidos; "
        "una codificación posicional le permite al MLP representar detalles finos. La pestaña va a entrenar un NeRF "
        "diminuto sobre una escena sintética y renderizar vistas nuevas."
    ),
    "topic_3dgs": (
        "## 3D Gaussian splatting (Kerbl et al., 2023)\n"
        "En lugar de un campo neuronal consultado a lo largo de cada rayo, la escena es una nube de miles de "
        "**gaussianas** 3D, cada una con posición, covarianza (un elipsoide orientado), opacidad y color. Para renderizar "
        "se proyecta cada gaussiana como una elipse 2D sobre la imagen y se mezclan de adelante hacia atrás:\n\n"
        "$$C = \\sum_i c_i\\, \\alpha_i \\prod_{j<i} (1 - \\alpha_j)$$\n\n"
        "No hay red que evaluar, así que el renderizado es lo bastante rápido para tiempo real, y las gaussianas se "
        "optimizan directamente por descenso de gradiente sobre las fotos. La pestaña va a ajustar gaussianas 2D a una "
        "imagen en vivo y gaussianas 3D a la misma escena de la pestaña NeRF, y exportar un splat `.ply`."
    ),
    "topic_trilemma": (
        "## El trilema, medido, y FID\n"
        "**FID** (Fréchet Inception Distance, Heusel et al. 2017) compara muestras reales y generadas a través de las "
        "características de una red preentrenada: se ajusta una gaussiana a cada conjunto de características y se mide "
        "la distancia entre ellas.\n\n"
        "$$\\mathrm{FID} = \\lVert \\mu_r - \\mu_g \\rVert^2 + \\mathrm{Tr}\\big(\\Sigma_r + \\Sigma_g - 2(\\Sigma_r \\Sigma_g)^{1/2}\\big)$$\n\n"
        "Más bajo es mejor y 0 significa estadísticas idénticas; está sesgada con muestras chicas, así que hay que leerla "
        "junto a una referencia de real contra real. Precisión y recall (y densidad y cobertura) separan la calidad de la "
        "cobertura de modos. Abajo: el sesgo de la FID y lo que nota cada métrica, en el espacio de características de la galería."
    ),
    # --- explorar ------------------------------------------------------------------------
    "explore_intro": (
        "## Para ir más lejos\n"
        "Los modelos que la materia propone explorar, agrupados por familia, con una línea sobre qué hace cada uno y "
        "enlaces a su paper y su código; después, listas de recursos y conjuntos de datos. Requieren GPU y no están "
        "incluidos acá."
    ),
    "stylegan_nada": "Adapta una StyleGAN preentrenada a un dominio nuevo descrito solo con palabras (p. ej. «boceto»), guiada por CLIP, sin ninguna imagen de ese dominio.",
    "psp": "Un codificador que lleva una imagen directamente al espacio latente extendido de StyleGAN, para inversión y tareas de imagen a imagen (de boceto o segmentación a rostro).",
    "e4e": "Un codificador para invertir StyleGAN diseñado para que el código invertido siga siendo editable: cede un poco de fidelidad a cambio de ediciones mucho mejores.",
    "hyperstyle": "Invierte imágenes reales prediciendo, con una hiperred, pequeños cambios en los pesos de StyleGAN: reconstrucciones fieles que siguen siendo editables.",
    "styleflow": "Edita atributos de imágenes de StyleGAN (edad, pose, iluminación, anteojos) con flujos normalizantes continuos condicionales en el espacio latente.",
    "stylegan3_editing": "Estudia la inversión y edición con StyleGAN3, incluida la edición de videos gracias a su diseño sin aliasing y equivariante a traslaciones.",
    "sam_age": "Transformación de la edad de rostros como una regresión en el espacio latente de StyleGAN, condicionada por la edad objetivo.",
    "gangealing": "Alinea todas las imágenes de una categoría (gatos, autos, rostros) a una pose común, aprendiendo la alineación con supervisión generada por una GAN.",
    "stargan_v2": "Un único generador traduce una imagen a varios dominios (p. ej. gato, perro, animal salvaje) con estilos diversos en cada dominio.",
    "fsgan": "Intercambio y recreación de rostros que funciona con cualquier par de personas sin entrenar con ellas.",
    "cyclegan": "Traducción de imagen a imagen sin pares (caballo a cebra, verano a invierno) con una pérdida de consistencia cíclica.",
    "discogan": "Descubre relaciones entre dos dominios (p. ej. carteras y zapatos) sin ejemplos emparejados, con dos GANs acopladas.",
    "point_nerf": "Un campo de radiancia asociado a una nube de puntos neuronales, que reconstruye escenas mucho más rápido que un NeRF puro.",
    "res_gans_deepfakes": "Una lista curada de papers, código y herramientas de GANs y deepfakes.",
    "res_gans_apps": "Aplicaciones de GANs organizadas por tarea, con papers y código.",
    "res_gan_zoo": "Una lista de cientos de variantes de GAN con nombre propio y sus papers.",
    "res_vaes": "Papers sobre autoencoders variacionales, organizados por tema.",
    "res_diffusion": "Una lista grande y actualizada de papers de modelos de difusión por área.",
    "res_diffusion_survey": "Un relevamiento de los modelos de difusión: métodos (muestreo, verosimilitud, datos estructurados) y aplicaciones.",
    "res_nerf": "Papers y código sobre campos de radiancia neuronales, por tema.",
    "res_3dgs": "Papers, código y visores de 3D Gaussian splatting.",
    "res_genai": "Un panorama de papers de IA generativa en imágenes, video, 3D y más.",
    "data_celebamask": "30.000 imágenes de rostros en alta resolución con máscaras por píxel de 19 partes de la cara, para edición y segmentación de rostros.",
    "data_deepfashion": "44.000 imágenes de moda de cuerpo entero con máscaras de segmentación, puntos clave, atributos y descripciones en texto.",
    # --- tablero -------------------------------------------------------------------------
    "dash_title": "Tablero del trilema generativo",
    "dash_intro": (
        "Todas las familias de modelos de la galería con los mismos datos (un anillo de 8 y una rejilla de 25 gaussianas, "
        "dígitos manuscritos de 8x8) y las mismas medidas: **calidad** (precisión; FID en dígitos), **cobertura de modos** "
        "(exhaustividad; modos capturados) y **velocidad** (milisegundos por muestra en esta CPU, evaluaciones de red), "
        "junto a la tabla de CIFAR-10 del artículo del trilema."
    ),
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
    "dash_rerun_help": "Vuelve a entrenar todas las familias con presupuestos mínimos en el anillo y los dígitos (una semilla, unos minutos) y muestra esas cifras: comprueba que el proceso funciona, no sustituye a la ejecución completa.",
    "dash_progress": "Benchmark rápido: {done} de {total} modelos medidos ({last})",
    "dash_done": "Benchmark rápido terminado: {path}. La página ya muestra sus cifras; elige «Ejecución completa incluida» en la barra lateral para volver.",
    "dash_busy": "Ya hay un benchmark rápido en marcha (lo inició alguien en este servidor). Espera a que termine y recarga.",
    "dash_nothing": "Elige al menos un conjunto de datos y un modelo.",
    "dash_pending": "Todavía no hay resultados de la comparación ({error}). Ejecuta `python -m benchmarks trilemma` (completo, unos 40 minutos) o la ejecución rápida de abajo.",
}

_LABELS = {
    "paper": "paper",
    "code": "código",
    "name": "Nombre",
    "what": "Qué hace",
    "links": "Enlaces",
    "family": "Familia",
    "all_families": "todas",
    "models_header": "Modelos para explorar",
    "resources_header": "Listas de recursos",
    "datasets_header": "Conjuntos de datos",
    "fam_stylegan": "Inversión y edición con StyleGAN",
    "fam_translation": "Traducción de imagen a imagen y rostros",
    "fam_3d": "3D",
}
STRINGS.update(GANS)
STRINGS.update(AUTOENCODERS)
STRINGS.update(DIFFUSION)
STRINGS.update(TRILEMMA)
STRINGS.update(CLIP_TAB)
STRINGS.update(SD_TAB)
STRINGS.update(render_catalog(STRINGS, _LABELS))
