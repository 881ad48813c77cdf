"""Texto en español de la pestaña de difusión."""

STRINGS: dict[str, str] = {
    "diff_page_forward": "1 · Proceso directo",
    "diff_page_generate": "2 · Generar dígitos",
    "diff_page_predictions": "3 · ¿Qué predecir?",
    "diff_page_unet": "4 · La U-Net",
    "diff_page_playground": "5 · Laboratorio 2D",
    "diff_page_speed": "6 · Pasos y calidad",
    "diff_source": "Imagen",
    "diff_source_digit": "Un dígito",
    "diff_source_photo": "Una foto",
    "diff_source_upload": "Mi imagen",
    "diff_digit_index": "Qué dígito (de 1.797)",
    "diff_photo": "Foto",
    "diff_upload": "Subí una imagen (elegí «Mi imagen»)",
    "diff_schedule": "Calendario de ruido",
    "diff_schedule_linear": "Lineal",
    "diff_schedule_cosine": "Coseno",
    "diff_schedule_quadratic": "Cuadrático",
    "diff_timestep": "Paso t",
    "diff_chain_button": "Iterar la cadena en su lugar",
    "diff_pair": "x₀ y x_t",
    "diff_forward_caption": (
        "En $t = {t}$: $\\bar\\alpha_t = {a:.4f}$, así que $x_t = {signal:.3f}\\, x_0 + {noise:.3f}\\, \\epsilon$ "
        "(la varianza de la señal es {snr:.3g} veces la del ruido)."
    ),
    "diff_schedule_plot": "El calendario",
    "diff_schedule_title": "Calendario {schedule}: cuánta señal queda",
    "diff_alpha_bar": "ᾱ_t (parte de la varianza que es señal)",
    "diff_log_snr": "log₁₀ de la varianza de la señal sobre la del ruido",
    "diff_noise_plot": "El ruido agregado",
    "diff_noise_title": "El ruido ε agregado a esta imagen, frente a N(0, 1)",
    "diff_noise_hist": "Valores del ruido",
    "diff_noise_value": "Valor",
    "diff_density": "Densidad",
    "diff_bands": (
        "De los {n:,} valores de ruido, el {one:.1f}\u00a0% está a menos de 1 desvío estándar, el {two:.1f}\u00a0% a menos de 2 y el "
        "{three:.1f}\u00a0% a "
        "menos de 3 (una normal estándar da 68,3\u00a0%, 95,4\u00a0% y 99,7\u00a0%)."
    ),
    "diff_chained": "x_t al que se llega iterando la cadena paso a paso",
    "diff_chain_plot": "La cadena frente a la forma cerrada",
    "diff_chain_hist_title": "(x_t − √ᾱ_t x₀) / √(1 − ᾱ_t) tras {t} pasos de la cadena, frente a N(0, 1)",
    "diff_chain_text": (
        "{steps} de $x_s = \\sqrt{{\\alpha_s}}\\, x_{{s-1}} + \\sqrt{{\\beta_s}}\\, \\epsilon_s$, donde $\\beta_s$ es la varianza "
        "del ruido que se agrega en el paso $s$ (según el calendario de ruido), $\\alpha_s = 1 - \\beta_s$ y $\\epsilon_s$ una muestra "
        "nueva de una normal estándar. Estandarizado con la media y la "
        "varianza de la forma cerrada, el resultado debe ser normal estándar. La mayor distancia entre su distribución acumulada y la "
        "de la normal es {ks:.3f} (una prueba de Kolmogórov-Smirnov), p = {p:.2f}: una p mayor que 0,05 significa que la prueba no ve "
        "diferencia."
    ),
    "diff_err_upload": "Subí antes una imagen (PNG o JPEG), o elegí un dígito o una foto.",
    "diff_generate_hint": "Tocá **Generar**: DDPM a 1.000 pasos tarda unas 20 veces lo que DDIM a 50, una pasada de la red por paso.",
    "diff_sampler": "Muestreador",
    "diff_sampler_ddpm": "DDPM (pasos aleatorios)",
    "diff_sampler_ddim": "DDIM",
    "diff_steps": "Pasos de eliminación de ruido",
    "diff_eta": "η: ruido nuevo en cada paso de DDIM (0: nada; DDPM usa 1)",
    "diff_digit": "Dígito",
    "diff_any": "Cualquiera (sin etiqueta)",
    "diff_guidance": "Escala de guía w",
    "diff_count": "Cuántas muestras",
    "diff_generate": "Generar",
    "diff_x_t": "x_t, paso a paso",
    "diff_x0": "x₀ predicho",
    "diff_progress": "Paso {i} de {n} (t = {t}) · {seconds:.1f}\u00a0s",
    "diff_gif_footer": "Paso {i} de {n} (t = {t})",
    "diff_done": "Hecho: {samples} en {steps}, {seconds:.1f}\u00a0s, {evals} por muestra.",
    "diff_n_evals_one": "{count} evaluación de la red",
    "diff_n_evals_other": "{count} evaluaciones de la red",
    "diff_verdict_cond_one": "El clasificador reconoce **{hits} de {count}** muestra como un {digit}.",
    "diff_verdict_cond_other": "El clasificador reconoce **{hits} de {count}** muestras como un {digit}.",
    "diff_verdict_uncond": "Dígitos que reconoce el clasificador: {counts}.",
    "diff_diversity": "Diversidad (distancia media entre dos muestras, en unidades de píxel): {d:.2f}; más guía la reduce.",
    "diff_err_too_slow": "Esta generación superó el límite de {seconds}\u00a0s y se paró; probá con menos pasos o muestras.",
    "diff_compare": "Comparar los tres",
    "diff_pred_epsilon": "Predice el ruido ε",
    "diff_pred_sample": "Predice la imagen limpia x₀",
    "diff_pred_v": "Predice v (una mezcla de ruido e imagen)",
    "diff_pred_score": "Reconocidas como el dígito pedido: **{hits} de {n}**.",
    "diff_unet_legend": "altura = resolución (8x8 arriba, 2x2 abajo) · verde: conexiones de salto · t: entra el paso de tiempo",
    "diff_unet_table": (
        "{total:,} parámetros en total (los embeddings de tiempo y de clase y la última normalización quedan fuera de las etapas).\n\n| "
        "Etapa | Resolución | Canales | Parámetros | Entra el tiempo | Salto desde |\n|---|---|---|---|---|---|"
    ),
    "diff_unet_table_title": "Todas las etapas en una tabla",
    "diff_curve": "Calidad y tiempo según los pasos",
    "diff_curve_quality": "Reconocida como el dígito pedido",
    "diff_curve_fid": "FID de muestras sin condición (menor es mejor)",
    "diff_curve_baseline": "real frente a real",
    "diff_curve_time": "Tiempo por muestra",
    "diff_curve_accuracy_axis": "% de las muestras",
    "diff_curve_time_axis": "Milisegundos por muestra",
    "diff_curve_note": "Medido el {when} con {cpus} núcleos de CPU, {n} muestras condicionadas por punto (guía 2).",
    "diff_months": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "diff_date": "{day} de {month} de {year}",
    "diff_read_accuracy_flat": (
        "Con cualquier número de pasos medido (de {few} a {many}), el clasificador reconoce el dígito pedido en el {accuracy} de las "
        "muestras condicionadas de los dos muestreadores."
    ),
    "diff_read_accuracy": "El clasificador reconoce el dígito pedido en estas partes de las muestras condicionadas: {samplers}.",
    "diff_read_accuracy_sampler": "{sampler}, {few_accuracy} con {few} pasos y {many_accuracy} con {many}",
    "diff_read_fid_range": "el FID de {sampler} va de {low} ({low_steps} pasos) a {high} ({high_steps} pasos)",
    "diff_read_fid_lower": "El FID de {winner} es menor que el de {loser} en {wins} de los {total} números de pasos medidos.",
    "diff_read_fid_tie": "Ningún muestreador tiene el FID menor en la mayoría de los números de pasos.",
    "diff_read_baseline": (
        "Dos conjuntos de dígitos reales de este tamaño ya difieren en {baseline} (la línea de trazos): diferencias menores que esa no "
        "ordenan a los muestreadores."
    ),
    "diff_read_time": (
        "Lo que crece es el tiempo: {few_ms}\u00a0ms por muestra con {few} pasos, {many_ms}\u00a0ms con {many}, {ratio} veces más."
    ),
    "diff_read_flat": (
        "En este modelo chico, entonces, menos pasos ahorran tiempo sin una pérdida de calidad que se pueda medir: en dígitos de 8×8 no se "
        "ve la calidad que los modelos más grandes pierden con pocos pasos."
    ),
    "diff_read_costly": (
        "Acá menos pasos cuestan calidad: las muestras con {few} pasos son peores que las mejores, más allá del ruido de la medición."
    ),
    "diff_curve_missing": "Faltan las mediciones de esta curva; quien da el curso puede volver a generarlas.",
    "toy_train_steps": "Pasos de entrenamiento",
    "toy_hint": (
        "Elegí los datos y tocá **Entrenar**: 20.000 pasos tardan unos 100\u00a0s en una máquina de 2 núcleos con los dos ocupados; las "
        "muestras se actualizan cada segundo."
    ),
    "toy_data_title": "{dataset}: los datos de entrenamiento",
    "toy_status": "Paso {step} de {total} · pérdida {loss} · {seconds}\u00a0s",
    "toy_status_done": "Entrenado: {step} de {total} pasos · pérdida {loss} · {seconds}\u00a0s",
    "toy_status_cut": (
        "Se cortó al llegar al límite de {limit}\u00a0s, tras {step} de {total} pasos · pérdida {loss}: el modelo quedó a medio entrenar, "
        "y sus "
        "muestras y su cobertura también. Probá con menos pasos."
    ),
    "toy_status_stopped": "Detenido tras {step} de {total} pasos · pérdida {loss} · {seconds}\u00a0s",
    "toy_loss": "Pérdida de entrenamiento",
    "toy_loss_title": "Pérdida de eliminación de ruido (media móvil de 50 pasos)",
    "toy_loss_axis": "Error cuadrático del ruido predicho",
    "toy_view": "Datos, muestras y función de puntuación",
    "toy_data": "Datos",
    "toy_particles": "Muestras",
    "toy_score": "Función de puntuación aprendida",
    "toy_samples_title": "{dataset}: {samples} del modelo por ahora",
    "toy_particles_title": "Proceso inverso: paso {i} de {n} (t = {t})",
    "toy_score_title": "La función de puntuación aprendida en t = {t} (ᾱ_t = {a:.3f})",
    "toy_particles_button": "Lanzar partículas desde el ruido",
    "toy_t": "Paso t de las flechas",
    "toy_coverage_none": "La cobertura de modos se mide en el anillo y en la grilla.",
    "toy_err_train_first": "Entrená antes un modelo (tocá Entrenar).",
    "diff_schedule_caption": (
        "x: el paso t, de 0 a T. Eje izquierdo, azul: ᾱ_t, la parte de la varianza de la señal que queda en el paso t. Eje derecho, "
        "naranja: log₁₀ de la varianza de la señal sobre la del ruido, ᾱ_t / (1 − ᾱ_t), 0 donde señal y ruido pesan lo mismo."
    ),
    "toy_loss_caption": (
        "x: paso de entrenamiento; y: error cuadrático entre el ruido que se agregó y el que predice la red, promediado en los últimos "
        "50 pasos. Se estabiliza por encima de 0: parte del ruido no se puede deducir del punto ruidoso."
    ),
}
