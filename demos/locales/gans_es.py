"""Texto en español de la pestaña GANs."""

STRINGS: dict[str, str] = {
    "gan_page_lab": "GAN Lab (2D)",
    "gan_page_digits": "Una DCGAN con dígitos",
    "gan_page_interpolation": "Interpolar el ruido",
    "common_ds_drawn": "Puntos que dibujo",
    "common_draw_empty": "Primero dibujá algo en el lienzo (algunos trazos) y después elegí «Puntos que dibujo».",
    "common_draw": "Dibujá tus propios datos",
    "gan_draw_help": (
        "Dibujá formas con el mouse; la GAN aprende a producir puntos donde dibujaste. Elegí **Puntos que dibujo** como conjunto de datos."
    ),
    "gan_experiment": "Experimento preparado",
    "gan_load_experiment": "Cargar",
    "gan_play": "Reproducir",
    "gan_pause": "Pausa",
    "gan_reset": "Reiniciar",
    "gan_step_d": "1 paso de D",
    "gan_step_g": "1 paso de G",
    "gan_step_both": "1 paso de ambos",
    "gan_training_knobs": "Pérdida y optimización (se aplican al instante)",
    "gan_loss": "Pérdida",
    "loss_minimax": "Minimax (saturante)",
    "loss_non_saturating": "Minimax modificado (no saturante)",
    "loss_wasserstein": "Wasserstein (pesos recortados)",
    "loss_wgan_gp": "Wasserstein con penalización (WGAN-GP)",
    "loss_least_squares": "Error cuadrático a 1 y 0 (mínimos cuadrados)",
    "loss_hinge": "Margen de puntaje (hinge)",
    "gan_loss_info": (
        "Las tres primeras son las del curso. Las tres últimas son arreglos posteriores, fuera del curso: WGAN-GP mantiene suave al "
        "crítico con una penalización en lugar del recorte; mínimos cuadrados lleva la salida de D a 1 en los puntos reales y a 0 en "
        "los falsos; hinge pide puntajes reales por encima de 1 y falsos por debajo de −1. Un crítico de Wasserstein no tiene "
        "exactitud, así que con las dos pérdidas de Wasserstein la curva del medio muestra su brecha entre puntajes reales y falsos. "
        "Más en «Para profundizar», arriba."
    ),
    "gan_clip": "Recorte de pesos c (Wasserstein)",
    "gan_gp_weight": "Peso de la penalización λ (WGAN-GP)",
    "gan_g_optimizer": "Optimizador de G",
    "gan_g_lr": "Tasa de aprendizaje de G",
    "gan_d_optimizer": "Optimizador de D",
    "gan_d_lr": "Tasa de aprendizaje de D",
    "gan_d_steps": "Pasos de D por paso de G",
    "gan_batch": "Tamaño del lote",
    "gan_schedule": "Programa de la tasa de aprendizaje",
    "gan_schedule_constant": "constante",
    "gan_schedule_linear": "decae linealmente hasta el presupuesto",
    "gan_budget": "Presupuesto de entrenamiento (pasos de G)",
    "gan_arch_knobs": "Redes y ruido (cambiar uno reinicia el entrenamiento)",
    "gan_arch_help": "Cambiar estos valores reconstruye ambas redes desde cero.",
    "gan_noise_dim": "Dimensión del ruido",
    "gan_noise": "Distribución del ruido",
    "gan_noise_gaussian": "Gaussiana",
    "gan_noise_uniform": "Uniforme",
    "gan_g_width": "Ancho de G",
    "gan_g_depth": "Profundidad de G (capas ocultas)",
    "gan_d_width": "Ancho de D",
    "gan_d_depth": "Profundidad de D (capas ocultas)",
    "gan_views": "Mostrar",
    "gan_view_real": "datos reales",
    "gan_view_fake": "muestras generadas",
    "gan_view_heatmap": "salida de D (mapa de calor)",
    "gan_view_gradients": "gradientes de G",
    "gan_view_manifold": "variedad de G",
    "gan_plane": "Espacio de datos",
    "gan_curves": "Curvas de entrenamiento",
    "gan_download": "Descargar modelo y muestras",
    "gan_files": "Checkpoint (.safetensors) y muestras (.csv)",
    "gan_err_reset_first": "Elegí un conjunto de datos o tocá Reiniciar primero: todavía no hay una GAN para entrenar.",
    "gan_budget_reached": "Se alcanzó el presupuesto de entrenamiento: subilo o tocá Reiniciar.",
    "gan_time_ceiling": "En pausa tras {seconds} segundos (el límite de cada Reproducir); tocá Reproducir para seguir.",
    "gan_plane_title": "{dataset} · {loss}",
    "common_mode_coverage": (
        "**Cobertura de modos:** {captured}/{total} modos capturados · {hq:.1f}\u00a0% de muestras de alta calidad · "
        "desequilibrio entre modos {kl} (0: todos se usan por igual)"
    ),
    "gan_coverage_none": "La **cobertura de modos** se mide en el anillo y la grilla, cuyos modos se conocen.",
    "gan_status": (
        "Iteración {it} · {d} pasos de D · {g} de {budget} pasos de G · {sps:.0f} pasos de G/s · pérdida de D {d_loss} · pérdida de G "
        "{g_loss}"
    ),
    "gan_status_idle": "Iteración {it} · {d} pasos de D · {g} de {budget} pasos de G · pérdida de D {d_loss} · pérdida de G {g_loss}",
    "gan_plane_caption_d": (
        "Fondo: D(x), la probabilidad que el discriminador le da a que un punto sea real (verde cerca de 1, blanco en 0,5, violeta cerca "
        "de 0). Puntos verdes: datos reales; puntos violetas: muestras del generador; segmentos naranjas: hacia dónde empuja la pérdida de "
        "G a cada muestra; líneas violetas tenues: la variedad de G (una grilla de valores de ruido pasada por G)."
    ),
    "gan_plane_caption_critic": (
        "Fondo: el puntaje del crítico D(x) (verde: alto, violeta: bajo; el puntaje de un crítico no es una probabilidad, así que su "
        "escala se centra en su mediana). Puntos verdes: datos reales; puntos violetas: muestras del generador; segmentos naranjas: hacia "
        "dónde empuja la pérdida de G a cada muestra; líneas violetas tenues: la variedad de G."
    ),
    "gan_optimizer_adam": "Adam",
    "gan_optimizer_sgd": "SGD",
    "gan_critic": "crítico",
    "gan_manifold": "variedad de G",
    "gan_real": "real",
    "gan_fake": "generado",
    "gan_gradients": "gradiente de G",
    "gan_losses": "Pérdidas",
    "gan_accuracy": "Exactitud de D",
    "gan_grad_norm": "Norma del gradiente de G",
    "gan_d_loss": "pérdida de D",
    "gan_g_loss": "pérdida de G",
    "gan_acc_real": "en reales",
    "gan_acc_fake": "en falsos",
    "gan_critic_gap": "Brecha del crítico",
    "gan_curves_caption_d": (
        "x: iteración. Medio: reales que D llama reales (verde)<br>y falsos que llama falsos (violeta); suman cerca del<br>"
        "100\u00a0% cuando D no los distingue. Abajo: escala logarítmica."
    ),
    "gan_curves_caption_critic": (
        "x: iteración. Medio: el puntaje medio del crítico en<br>reales menos en generados, lo que maximiza (un crítico<br>"
        "no tiene exactitud). Abajo: escala logarítmica."
    ),
    "gan_iteration": "iteración",
    "exp_title_mode_collapse": "Colapso de modos",
    "exp_title_vanishing": "Desvanecimiento del gradiente",
    "exp_title_wgan_clip": "Crítico de Wasserstein con recorte",
    "exp_title_wgan_no_clip": "Crítico de Wasserstein sin recorte",
    "exp_title_fifty_percent": "El discriminador al 50\u00a0%",
    "exp_title_oscillation": "Oscilación en lugar de convergencia",
    # la DCGAN de dígitos
    "gan_digits_grid": "64 muestras de esta semilla",
    "gan_digits_coordinate": "coordenada del ruido",
    "gan_digits_single": "Un dígito: los controles fijan sus primeras coordenadas de ruido",
    "gan_digits_verdict": "El clasificador reconoce un **{digit}** ({confidence:.0f}\u00a0% de confianza).",
    "gan_digits_interp_help": (
        "**Interpolación** entre el ruido de dos semillas. La interpolación esférica mantiene el ruido en una longitud típica; el camino "
        "lineal pasa por vectores más cortos (se listan sus normas)."
    ),
    "gan_digits_seed_a": "Semilla A",
    "gan_digits_seed_b": "Semilla B",
    "gan_digits_mode": "Camino",
    "gan_digits_linear": "lineal",
    "gan_digits_spherical": "esférico",
    "gan_digits_steps": "Pasos",
    "gan_digits_strip": "De A a B",
    "gan_digits_norms": "Normas del ruido a lo largo del camino: {norms}",
    "gan_digits_judge": "Juzgar 2.000 muestras",
    "gan_digits_hist": "Qué reconoce el clasificador",
    "gan_digits_hist_title": "Clases leídas en {n} dígitos generados",
    "gan_digits_uniform": "uniforme",
    "gan_digits_class": "dígito",
    "gan_digits_count": "muestras",
    "gan_digits_scores": (
        "KL del histograma de clases respecto del uniforme: **{kl:.3f}** (0 = todos los dígitos igual de seguido) · con confianza > "
        "90\u00a0%: "
        "**{confident:.1f}%**"
    ),
}
