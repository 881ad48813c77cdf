"""Texto en español de la pestaña de autoencoders."""

STRINGS: dict[str, str] = {
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
    "ae_verdict": "El clasificador de dígitos reconoce un **{digit}** con un {confidence:.0f}\u00a0% de confianza.",
    "ae_prior_count": "Cuántos códigos",
    "ae_prior_button": "Sacar códigos aleatorios",
    "ae_prior_ae_2d": "Decodificaciones del AE",
    "ae_prior_vae_2d": "Decodificaciones del VAE",
    "ae_prior_summary": (
        "**Lecturas con confianza > 90\u00a0% acá:** AE {ae} de {n}, VAE {vae} de {n}.  \n**Sobre 1.000 muestras** (medido al entrenar los "
        "modelos): AE {ae_share:.0f}\u00a0%, VAE {vae_share:.0f}\u00a0% con confianza > 90\u00a0%. El histograma de clases de esas 1.000 "
        "imágenes está a "
        "{ae_kl:.2f} nats de la uniforme en el AE (repite unos pocos dígitos, porque N(0, I) solo cubre una pequeña parte de su extenso "
        "espacio latente) y a {vae_kl:.3f} en el VAE (los diez dígitos, por igual)."
    ),
    "ae_draw": "Dibujá un dígito",
    "ae_upload": "…o subí una imagen",
    "ae_drawn_strip": "Entrada 8×8 · reconstrucciones del AE y del VAE",
    "ae_draw_text": (
        "El clasificador reconoce en tu dibujo un **{digit}** ({confidence:.0f}\u00a0%). Las marcas de los dos mapas señalan sus códigos."
    ),
    "common_err_draw_empty": "No hay ningún dígito que leer: dibujá unos trazos (o subí una imagen con tinta visible) primero.",
    "common_err_draw_too_big": "Esa imagen es demasiado grande (más de 16 millones de píxeles); usá una más chica.",
    "common_err_image": "Dibujá un dígito o subí una imagen (PNG o JPEG).",
    "ae_first": "Del dígito",
    "ae_second": "Al dígito",
    "ae_example": "Qué ejemplo de prueba",
    "ae_steps": "Pasos",
    "ae_strip_ae_2d": "AE: los dos dígitos en los extremos y el camino entre ellos",
    "ae_strip_vae_2d": "VAE: los dos dígitos en los extremos y el camino entre ellos",
    "ae_samples": "Muestras",
    "ae_mode": "Código",
    "ae_mode_sample": "Muestrear z = μ + σ·ε",
    "ae_mode_mean": "Usar la media z = μ",
    "ae_reparam_chart": "q(z | x) en el plano latente del VAE",
    "ae_reparam_strip": "La entrada y la decodificación de cada muestra",
    "ae_reparam_title": "q(z|x) ampliado: elipses a 1 y 2 desv., muestras como x rojas",
    "ae_reparam_text": "Media $\\mu = ({mu1:.2f}, {mu2:.2f})$, desvío estándar $\\sigma = ({s1:.2f}, {s2:.2f})$.",
    "ae_beta_shipped": "VAE incluidos para β = 0, 0,5, 1, 2 y 4 (mapas latentes de los dígitos de prueba)",
    "ae_beta_panel": "beta = {beta:g}",
    "ae_beta_figures": "KL {kl:.1f} · reconstrucción {rec:.1f}",
    "ae_beta": "β (peso del término KL)",
    "ae_train_steps": "Pasos de entrenamiento",
    "ae_beta_hint": (
        "Elegí β y tocá **Entrenar**: un VAE 2-D nuevo se entrena con los dígitos mientras se actualizan sus curvas y su mapa latente "
        "(esta línea cuenta después los pasos y los segundos)."
    ),
    "common_train": "Entrenar",
    "common_stop": "Parar",
    "ae_beta_curves": "Términos de la pérdida durante el entrenamiento",
    "ae_beta_curves_title": "Un VAE 2-D con β = {beta:g}: los dos términos de su pérdida",
    "ae_curve_reconstruction": "Reconstrucción (−log p(x|z))",
    "ae_curve_kl": "KL(q(z|x) ‖ N(0, I))",
    "ae_nats": "Nats por imagen",
    "common_step": "Paso de entrenamiento",
    "ae_live_map": "Su mapa latente, en vivo",
    "ae_live_map_title": "beta = {beta:g}: códigos de los dígitos de prueba",
    "ae_live_status": "Paso {step} de {total} · reconstrucción {rec:.1f} · KL {kl:.2f} · {seconds:.0f}\u00a0s",
    "ae_live_status_done": "Hecho: {steps} · reconstrucción {rec:.1f} · KL {kl:.2f} · {seconds:.0f}\u00a0s",
    "ae_time_ceiling": "(parado al llegar al límite de {seconds}\u00a0s por ejecución)",
    "ae_k": "Dimensiones latentes k",
    "ae_race_steps": "Pasos de entrenamiento",
    "ae_race_hint": "Tocá **Entrenar**: los dos autoencoders se entrenan a la vez y las curvas se llenan en vivo.",
    "ae_angles": "Qué tan lejos está el AE lineal de PCA (ángulos)",
    "ae_errors": "Error de reconstrucción en los dígitos de prueba",
    "ae_angles_title_one": "AE lineal frente a la primera dirección de PCA",
    "ae_angles_title_other": "AE lineal frente a las {count} primeras direcciones de PCA",
    "ae_errors_title": "Error de reconstrucción con k = {k}",
    "ae_curve_max_angle": "Mayor ángulo entre los subespacios",
    "ae_curve_mean_angle": "Ángulo medio entre los subespacios",
    "ae_curve_linear": "AE lineal",
    "ae_curve_nonlinear": "AE no lineal",
    "ae_curve_pca": "PCA",
    "ae_degrees": "Grados",
    "ae_mse": "Error cuadrático por imagen",
    "ae_race_status": (
        "Paso {step} de {total} · mayor ángulo **{angle:.2f}°** · error de prueba: AE lineal {linear:.3f}, "
        "PCA {pca:.3f}, AE no lineal **{nonlinear:.3f}**"
    ),
    "ae_vae16_grid": "32 muestras aleatorias del VAE 16-D",
}
