"""Texto en español de la pestaña de autoencoders."""

STRINGS: dict[str, str] = {
    "ae_maps_help": (
        "### 1. Los mapas latentes\n"
        "Ambos modelos comprimen cada dígito de 8×8 (64 números) en **dos números** $z = (z_1, z_2)$, así que todo el "
        "espacio latente cabe en una página. Cada punto es un dígito de prueba situado en su código y coloreado según "
        "el dígito que es de verdad. **Hacé clic en un mapa** (o mové los deslizadores) para elegir un punto latente y "
        "ver qué hace con él el decodificador. Cambiá la vista a **grilla decodificada** para ver a la vez la "
        "decodificación de todo el plano: la grilla del AE tiene zonas en blanco o borrosas entre sus grupos "
        "(agujeros); la del VAE pasa suavemente de un dígito a otro. Fijate en las escalas: los códigos del AE se "
        "extienden por decenas de unidades y los del VAE se quedan cerca del origen, adonde los atrae el término KL. "
        "(Ambos modelos miden la reconstrucción con la entropía cruzada binaria de los píxeles, lo habitual para "
        "imágenes en [0, 1].)"
    ),
    "ae_view": "Vista del mapa",
    "ae_view_codes": "Códigos de los dígitos de prueba",
    "ae_view_manifold": "Grilla decodificada",
    "ae_model_ae_2d": "Autoencoder (AE), latente 2-D",
    "ae_model_vae_2d": "Autoencoder variacional (VAE), latente 2-D",
    "ae_map_name_ae_2d": "Autoencoder (AE)",
    "ae_map_name_vae_2d": "Autoencoder variacional (VAE)",
    "ae_map_title_codes": "{model}: códigos de 364 dígitos de prueba",
    "ae_map_title_manifold": "{model}: decodificación del plano",
    "ae_digit": "Dígito",
    "ae_coordinate": "Coordenada latente",
    "ae_decoded": "Imagen decodificada",
    "ae_verdict": "El clasificador de dígitos lee un **{digit}** con un {confidence:.0f}% de confianza.",
    "ae_prior_help": (
        "### 2. Agujeros frente a suavidad: códigos aleatorios de $\\mathcal{N}(0, I)$\n"
        "Un modelo generativo debe convertir puntos latentes *aleatorios* en datos. Sacá códigos de la normal estándar "
        "y decodificá **los mismos códigos** con los dos modelos. Bajo cada imagen, la lectura del clasificador de "
        "dígitos y su confianza: en verde por encima del 90%, en rojo por debajo."
    ),
    "ae_prior_count": "Cuántos códigos",
    "ae_prior_button": "Sacar códigos aleatorios",
    "ae_prior_ae_2d": "Decodificaciones del AE",
    "ae_prior_vae_2d": "Decodificaciones del VAE",
    "ae_prior_summary": (
        "**Lecturas seguras (> 90%) aquí:** AE {ae} de {n}, VAE {vae} de {n}.  \n"
        "**Sobre 1.000 muestras** (medido al entrenar los modelos): AE {ae_share:.0f}%, VAE {vae_share:.0f}% seguras. "
        "El histograma de clases de esas 1.000 imágenes está a {ae_kl:.2f} nats de la uniforme en el AE (repite unos "
        "pocos dígitos, porque N(0, I) solo cubre una pequeña parte de su extenso espacio latente) y a {vae_kl:.3f} en "
        "el VAE (los diez dígitos, por igual)."
    ),
    "ae_draw_help": (
        "### 3. Dibujá un dígito\n"
        "Dibujá un dígito con trazo grueso en el lienzo (o subí una foto de uno). Se recorta a su caja y se reduce a 8×8 igual que "
        "se hizo el conjunto de datos; los mapas de arriba saltan al lugar donde cae en cada espacio latente."
    ),
    "ae_draw": "Dibujá un dígito",
    "ae_upload": "…o subí una imagen",
    "ae_drawn_strip": "Entrada 8×8 · reconstrucciones del AE y del VAE",
    "ae_draw_text": "El clasificador lee tu dibujo como un **{digit}** ({confidence:.0f}%). Las marcas de los dos mapas señalan sus códigos.",
    "ae_err_draw_empty": "No hay ningún dígito que leer: dibujá unos trazos (o subí una imagen con tinta visible) primero.",
    "ae_err_draw_too_big": "Esa imagen es demasiado grande (más de 16 millones de píxeles); usá una más chica.",
    "ae_err_image": "Dibujá un dígito o subí una imagen (PNG o JPEG).",
    "ae_interp_help": (
        "### 4. Interpolación\n"
        "Recorré en línea recta el camino del código de un dígito de prueba al de otro y decodificá cada paso. En el "
        "VAE el camino sigue sobre dígitos; en el AE puede atravesar un agujero y pasar por formas que no son ningún dígito."
    ),
    "ae_first": "Del dígito",
    "ae_second": "Al dígito",
    "ae_example": "Qué ejemplo de prueba",
    "ae_steps": "Pasos",
    "ae_strip_ae_2d": "AE: los dos dígitos en los extremos y el camino entre ellos",
    "ae_strip_vae_2d": "VAE: los dos dígitos en los extremos y el camino entre ellos",
    "ae_reparam_help": (
        "### 5. El truco de reparametrización\n"
        "Para una entrada, el codificador del VAE da una media $\\mu$ y un desvío estándar $\\sigma$: una pequeña "
        "nube, $q(z \\mid x) = \\mathcal{N}(\\mu, \\sigma^2)$, dibujada como elipses a una y dos $\\sigma$. El muestreo se "
        "escribe $z = \\mu + \\sigma \\odot \\epsilon$ con $\\epsilon \\sim \\mathcal{N}(0, I)$: el azar está en "
        "$\\epsilon$, así que los gradientes pasan por $\\mu$ y $\\sigma$ al entrenar. Las cruces rojas son muestras y "
        "debajo están sus decodificaciones. El gráfico está ampliado alrededor de $\\mu$ (los puntos tenues son los demás "
        "dígitos de prueba): $\\sigma$ es pequeña, un código preciso, pero el término KL impide que se reduzca a cero. "
        "Elegí **usar la media** para ver lo que hace el modelo al evaluarlo."
    ),
    "ae_samples": "Muestras",
    "ae_mode": "Código",
    "ae_mode_sample": "Muestrear z = μ + σ·ε",
    "ae_mode_mean": "Usar la media z = μ",
    "ae_reparam_chart": "q(z | x) en el plano latente del VAE",
    "ae_reparam_strip": "La entrada y la decodificación de cada muestra",
    "ae_reparam_title": "q(z|x) ampliado: elipses a 1 y 2 desv., muestras como x rojas",
    "ae_reparam_text": "Media $\\mu = ({mu1:.2f}, {mu2:.2f})$, desvío estándar $\\sigma = ({s1:.2f}, {s2:.2f})$.",
    "ae_beta_help": (
        "### 6. El peso del KL, $\\beta$\n"
        "La pérdida del VAE es reconstrucción + $\\beta$ × KL. Con $\\beta = 0$ nada agrupa los códigos y el KL es enorme "
        "(es un AE con ruido); al crecer $\\beta$ los códigos se apiñan en $\\mathcal{N}(0, I)$, el KL baja y la "
        "reconstrucción empeora; si es demasiado grande el codificador se rinde (KL ≈ 0, todo código da la misma "
        "mancha: *colapso del posterior*). Abajo, los modelos incluidos para cinco betas (KL y reconstrucción en el "
        "conjunto de prueba, en nats por imagen); después entrená el tuyo, en vivo."
    ),
    "ae_beta_shipped": "VAE incluidos para β = 0, 0,5, 1, 2 y 4 (mapas latentes de los dígitos de prueba)",
    "ae_beta_panel": "beta = {beta:g}",
    "ae_beta_figures": "KL {kl:.1f} · reconstrucción {rec:.1f}",
    "ae_beta": "β (peso del término KL)",
    "ae_train_steps": "Pasos de entrenamiento",
    "ae_beta_hint": "Elegí β y tocá **Entrenar**: un VAE 2-D nuevo se entrena con los dígitos (unos 5 segundos para 3.000 pasos) mientras se actualizan sus curvas y su mapa latente.",
    "ae_train": "Entrenar",
    "ae_stop": "Parar",
    "ae_beta_curves": "Términos de la pérdida durante el entrenamiento",
    "ae_beta_curves_title": "Un VAE 2-D con β = {beta:g}: los dos términos de su pérdida",
    "ae_curve_reconstruction": "Reconstrucción (−log p(x|z))",
    "ae_curve_kl": "KL(q(z|x) ‖ N(0, I))",
    "ae_nats": "Nats por imagen",
    "ae_step": "Paso de entrenamiento",
    "ae_live_map": "Su mapa latente, en vivo",
    "ae_live_map_title": "beta = {beta:g}: códigos de los dígitos de prueba",
    "ae_live_status": "Paso {step} de {total} · reconstrucción {rec:.1f} · KL {kl:.2f} · {seconds:.0f} s",
    "ae_live_status_done": "Hecho: {step} pasos · reconstrucción {rec:.1f} · KL {kl:.2f} · {seconds:.0f} s",
    "ae_time_ceiling": "(parado al llegar al límite de {seconds} s por ejecución)",
    "ae_race_help": (
        "### 7. Un autoencoder lineal encuentra el subespacio de PCA; la no linealidad lo mejora\n"
        "Un AE **lineal** con $k$ latentes (codificador y decodificador son simples matrices) entrenado con error "
        "cuadrático acaba generando el mismo subespacio que las $k$ primeras componentes principales de PCA: los "
        "**ángulos principales** entre las columnas de su decodificador y las direcciones de PCA caen a cero, y su "
        "error alcanza el de PCA, lo mejor que puede hacer una aplicación lineal. Un AE **no lineal** con la misma $k$ "
        "(una capa oculta de 128) supera a ambos. Los errores son errores cuadráticos por imagen de prueba, sumados "
        "sobre los 64 píxeles."
    ),
    "ae_k": "Dimensiones latentes k",
    "ae_race_steps": "Pasos de entrenamiento",
    "ae_race_hint": "Tocá **Entrenar**: los dos autoencoders se entrenan a la vez (unos 5 segundos) y las curvas se llenan en vivo.",
    "ae_angles": "Ángulos principales respecto a PCA",
    "ae_errors": "Error de reconstrucción en los dígitos de prueba",
    "ae_angles_title": "AE lineal frente a las {k} primeras direcciones de PCA",
    "ae_errors_title": "Error de reconstrucción con k = {k}",
    "ae_curve_max_angle": "Mayor ángulo principal",
    "ae_curve_mean_angle": "Ángulo principal medio",
    "ae_curve_linear": "AE lineal",
    "ae_curve_nonlinear": "AE no lineal",
    "ae_curve_pca": "PCA",
    "ae_degrees": "Grados",
    "ae_mse": "Error cuadrático por imagen",
    "ae_race_status": (
        "Paso {step} de {total} · mayor ángulo **{angle:.2f}°** · error de prueba: AE lineal {linear:.3f}, "
        "PCA {pca:.3f}, AE no lineal **{nonlinear:.3f}**"
    ),
    "ae_vae16_help": (
        "### 8. Un VAE con latente de 16 dimensiones\n"
        "Dos números son pocos para describir un dígito; con 16 las reconstrucciones se parecen más a sus entradas (el "
        "README da los errores de prueba). Las muestras de un VAE pequeño siguen algo borrosas: donde el decodificador "
        "duda, devuelve el píxel medio. Muestras aleatorias de $\\mathcal{N}(0, I)$ y un dígito cuyas cuatro primeras "
        "coordenadas latentes elegís vos (el resto sale de la semilla)."
    ),
    "ae_vae16_grid": "32 muestras aleatorias del VAE 16-D",
}
