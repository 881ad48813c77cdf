"""Texto en español de la pestaña GANs."""

STRINGS: dict[str, str] = {
    "gan_intro": (
        "## GAN Lab: dos redes en un juego de suma cero (Goodfellow et al., 2014)\n"
        "El **generador** $G$ convierte ruido $z$ en un punto; el **discriminador** $D$ dice qué tan real parece un punto. "
        "Se turnan: un **paso de D** entrena a $D$ (puntos reales = positivos, generados = negativos) con $G$ congelado; un "
        "**paso de G** entrena a $G$ para engañar a $D$ con $D$ congelado. Apretá **Reproducir** y mirá cómo las muestras "
        "violetas persiguen a los datos verdes.\n\n"
        "$$\\min_G \\max_D\\; \\mathbb{E}_{x}[\\log D(x)] + \\mathbb{E}_{z}[\\log(1 - D(G(z)))]$$\n\n"
        "**Minimax** ($G$ minimiza $\\log(1 - D(G(z)))$) se satura: cuando $D$ rechaza lo falso con seguridad, su gradiente "
        "se desvanece. **No saturante** ($G$ maximiza $\\log D(G(z))$) lo corrige. **Wasserstein** usa un puntaje de crítico "
        "$D(x) - D(G(z))$ con pesos recortados; **WGAN-GP** reemplaza el recorte por una penalización del gradiente; "
        "**mínimos cuadrados** y **hinge** son otras dos opciones populares. El código está en `core/gan/losses.py` y `core/gan/lab2d.py`."
    ),
    "ds_drawn": "Puntos que dibujo",
    "draw_empty": "Primero dibujá algo en el lienzo (algunos trazos) y después elegí «Puntos que dibujo».",
    "gan_draw": "Dibujá tus propios datos",
    "gan_draw_help": "Dibujá formas con el mouse; la GAN aprende a producir puntos donde dibujaste. Elegí **Puntos que dibujo** como conjunto de datos.",
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
    "loss_non_saturating": "No saturante",
    "loss_wasserstein": "Wasserstein (recorte)",
    "loss_wgan_gp": "WGAN-GP",
    "loss_least_squares": "Mínimos cuadrados",
    "loss_hinge": "Hinge",
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
    "gan_arch_knobs": "Redes y ruido (reinician al aplicarse)",
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
    "gan_views_help": (
        "**Mapa de calor:** verde donde $D$ dice *real*, violeta donde dice *falso* (en las pérdidas tipo Wasserstein, el puntaje "
        "del crítico). **Flechas naranjas:** la dirección en que la pérdida de $G$ empuja cada muestra generada. **Grilla violeta:** "
        "una grilla del espacio de ruido transformada por $G$, que muestra cómo $G$ pliega el ruido. **Curvas:** ambas pérdidas, la "
        "exactitud de $D$ en puntos reales y falsos (cuando $G$ lo logra, ambas tienden al 50%) y la norma del gradiente de $G$ "
        "(escala logarítmica: mirá cómo se desvanece con la pérdida saturante y un $D$ fuerte). La **cobertura de modos** cuenta una "
        "muestra como de alta calidad si está a menos de 3 desvíos estándar de su modo más cercano (convención de VEEGAN/PacGAN)."
    ),
    "gan_download": "Descargar modelo y muestras",
    "gan_files": "Checkpoint (.safetensors) y muestras (.csv)",
    "gan_err_reset_first": "Elegí un conjunto de datos o apretá Reiniciar primero: todavía no hay una GAN para entrenar.",
    "gan_budget_reached": "Se alcanzó el presupuesto de entrenamiento: subilo o apretá Reiniciar.",
    "gan_time_ceiling": "En pausa tras {seconds} segundos (el límite de cada Reproducir); apretá Reproducir para seguir.",
    "gan_plane_title": "{dataset} · {loss}",
    "gan_coverage": "**Cobertura de modos:** {captured}/{total} modos capturados · {hq:.1f}% de muestras de alta calidad · KL inversa {kl}",
    "gan_coverage_none": "La **cobertura de modos** se mide en el anillo y la grilla, cuyos modos se conocen.",
    "gan_status": "Iteración {it} · {d} pasos de D · {g} de {budget} pasos de G · {sps:.0f} pasos de G/s · pérdida de D {d_loss} · pérdida de G {g_loss}",
    "gan_status_idle": "Iteración {it} · {d} pasos de D · {g} de {budget} pasos de G · pérdida de D {d_loss} · pérdida de G {g_loss}",
    "gan_plane_caption_d": "Fondo: D(x), la probabilidad que el discriminador le da a que un punto sea real (verde cerca de 1, blanco en 0,5, violeta cerca de 0). Puntos verdes: datos reales; puntos violetas: muestras del generador; segmentos naranjas: hacia dónde empuja la pérdida de G a cada muestra; líneas violetas tenues: la variedad de G (una grilla de valores de ruido pasada por G).",
    "gan_plane_caption_critic": "Fondo: el puntaje del crítico D(x) (verde: alto, violeta: bajo; el puntaje de un crítico no es una probabilidad, así que su escala se centra en su mediana). Puntos verdes: datos reales; puntos violetas: muestras del generador; segmentos naranjas: hacia dónde empuja la pérdida de G a cada muestra; líneas violetas tenues: la variedad de G.",
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
    "gan_iteration": "iteración",
    "exp_title_mode_collapse": "Colapso de modos",
    "exp_mode_collapse": "**Colapso de modos.** $D$ da tres pasos por cada paso de $G$, con una tasa de aprendizaje 100 veces mayor, y $G$ parte de un ruido 2D. ¿Qué esperás que haga $G$ si $D$ siempre sabe dónde están las falsas? En los primeros cien pasos todos los puntos violetas corren al modo más cercano a donde empezaron (cuál depende de la semilla) y se quedan ahí como un solo punto apretado: los *modos capturados* marcan 1 de 8 durante toda la corrida, la mayoría de sus muestras son de alta calidad y la grilla de la variedad se encoge a un punto. $D$ rechaza todas las falsas, pero $G$ nunca pasa a los otros siete modos: es la falla de las GAN que el trilema llama mala cobertura de modos.",
    "exp_title_vanishing": "Desvanecimiento del gradiente",
    "exp_vanishing": "**Desvanecimiento del gradiente.** La pérdida minimax saturante con un $D$ fuerte y rápido (5 pasos por paso de G): $D$ gana enseguida y la norma del gradiente de $G$ (panel derecho) se derrumba, así que $G$ deja de aprender. Cambiá la pérdida a *no saturante* y volvé a Reproducir.",
    "exp_title_wgan_clip": "Crítico de Wasserstein con recorte",
    "exp_wgan_clip": "**Wasserstein con recorte (c = 0,01).** El recorte mantiene al crítico Lipschitz: su puntaje varía suavemente en el plano y las pérdidas se mantienen chicas y acotadas. El precio es un aprendizaje lento (el crítico es diminuto, así que los gradientes son chicos): mirá la norma del gradiente de $G$ y comparalo con el experimento siguiente.",
    "exp_title_wgan_no_clip": "Crítico de Wasserstein sin recorte",
    "exp_wgan_no_clip": "**Wasserstein sin recorte (c = 100).** Nada acota al crítico: sus puntajes y las pérdidas se disparan y $G$ va de un lado a otro. Por eso WGAN necesita recorte o una penalización del gradiente.",
    "exp_title_fifty_percent": "El discriminador al 50%",
    "exp_fifty_percent": "**La convergencia como estado efímero.** En las dos lunas, a medida que $G$ mejora, la exactitud de $D$ en puntos reales y falsos tiende al 50% (panel del medio): ya no los distingue.",
    "exp_title_oscillation": "Oscilación en lugar de convergencia",
    "exp_oscillation": "**Oscilación.** SGD simple con tasas de aprendizaje grandes en la grilla: $G$ y $D$ se persiguen, las muestras barren de una región a otra y las pérdidas oscilan en lugar de asentarse.",
    # la DCGAN de dígitos
    "gan_digits_intro": (
        "## Una DCGAN de dígitos manuscritos\n"
        "Una GAN convolucional (DCGAN, Radford et al. 2015) entrenada por la galería con los dígitos de 8×8 de scikit-learn "
        "(`python -m core.train dcgan-digits`). Cada imagen sale de una sola pasada del generador. El clasificador de dígitos de "
        "la galería juzga los resultados: ¿esta GAN produce los diez dígitos con la misma frecuencia?"
    ),
    "gan_digits_grid": "64 muestras de esta semilla",
    "gan_digits_coordinate": "coordenada del ruido",
    "gan_digits_one": "Un dígito: los controles fijan sus primeras coordenadas de ruido",
    "gan_digits_verdict": "El clasificador lee un **{digit}** ({confidence:.0f}% de confianza).",
    "gan_digits_interp_help": "**Interpolación** entre el ruido de dos semillas. La interpolación esférica mantiene el ruido en una longitud típica; el camino lineal pasa por vectores más cortos (se listan sus normas).",
    "gan_digits_seed_a": "Semilla A",
    "gan_digits_seed_b": "Semilla B",
    "gan_digits_mode": "Camino",
    "gan_digits_linear": "lineal",
    "gan_digits_spherical": "esférico",
    "gan_digits_steps": "Pasos",
    "gan_digits_strip": "De A a B",
    "gan_digits_norms": "Normas del ruido a lo largo del camino: {norms}",
    "gan_digits_judge": "Juzgar 2.000 muestras",
    "gan_digits_hist": "Qué lee el clasificador",
    "gan_digits_hist_title": "Clases leídas en {n} dígitos generados",
    "gan_digits_uniform": "uniforme",
    "gan_digits_class": "dígito",
    "gan_digits_count": "muestras",
    "gan_digits_scores": "KL del histograma de clases respecto del uniforme: **{kl:.3f}** (0 = todos los dígitos igual de seguido) · muestras seguras (> 90%): **{confident:.1f}%**",
}
