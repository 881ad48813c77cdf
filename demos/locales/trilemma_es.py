"""Texto en español de la pestaña Trilema y FID."""

STRINGS: dict[str, str] = {
    "tri_page_bias": "1 · El FID pide muestras",
    "tri_page_fid": "2 · Qué nota cada métrica",
    "tri_page_compare": "3 · Todas las familias",
    "tri_page_claims": "4 · Las afirmaciones, verificadas",
    "tri_bias": "Real frente a real",
    "tri_bias_title": "FID de dígitos reales de entrenamiento frente a los reales de prueba",
    "tri_sample_size": "Número de dígitos de entrenamiento (escala log)",
    "tri_fid_axis": "FID (media ± desv. de 5 extracciones)",
    "tri_blur": "Desenfoque (desv. gaussiana, píxeles)",
    "tri_drop": "Quitar estos dígitos",
    "tri_size": "Número de muestras",
    "tri_metrics": "Precisión, exhaustividad y dos variantes",
    "tri_metrics_title": "Las métricas k-NN frente a los dígitos reales de prueba",
    "tri_value": "Valor (ideal: 1)",
    "tri_precision": "Precisión",
    "tri_recall": "Exhaustividad",
    "tri_density": "Densidad (como la precisión)",
    "tri_coverage": "Cobertura (como la exhaustividad)",
    "tri_space": "El espacio de características",
    "tri_space_title": "Características: 2 componentes principales",
    "common_pc": "Componente principal {k}",
    "tri_real": "Dígitos reales de prueba (color por dígito)",
    "tri_fake": "Las muestras estropeadas",
    "tri_explain_text": (
        "**FID {fid:.2f}** para estas {n} muestras, frente a **{baseline:.2f}** para otros tantos dígitos de entrenamiento intactos (la "
        "referencia)."
    ),
    "tri_err_all_dropped": "Dejá al menos un dígito: si se quitan todas las clases no hay nada que comparar.",
    "tri_err_too_few": "Quedan muy pocas muestras (hacen falta al menos 10); dejá más dígitos o subí el número de muestras.",
    # --- la comparación (sección 3 de la pestaña y el tablero) -----------------------------
    "tc_model_gan": "GAN (no saturante)",
    "tc_model_wgan_gp": "GAN, Wasserstein (WGAN-GP)",
    "tc_model_vae": "VAE",
    "tc_model_ddpm_1000": "DDPM, 1000 pasos",
    "tc_model_ddim_50": "DDIM, 50 pasos",
    "tc_model_ddim_10": "DDIM, 10 pasos",
    "tc_model_ddgan_4": "DDGAN, 4 pasos",
    "tc_model_ddgan_2": "DDGAN, 2 pasos",
    "tc_ds_ring": "Anillo de 8",
    "tc_ds_grid": "Grilla de 25",
    "tc_ds_digits": "Dígitos 8x8",
    "tc_family_diffusion": "Difusión (una red, tres muestreadores)",
    "tc_family_ddgan": "GAN de difusión con eliminación de ruido",
    "tc_col_dataset": "Datos",
    "tc_col_model": "Modelo",
    "tc_col_precision": "Precisión ↑",
    "tc_col_recall": "Exhaustividad ↑",
    "tc_col_density": "Densidad (como la precisión)",
    "tc_col_coverage": "Cobertura (como la exhaustividad) ↑",
    "tc_col_fid": "FID ↓",
    "tc_col_high_quality": "Proporción de alta calidad ↑",
    "tc_col_modes": "Modos capturados ↑",
    "tc_col_reverse_kl": "Desequilibrio entre modos (KL) ↓",
    "tc_col_class_kl": "Desequilibrio entre dígitos (KL) ↓",
    "tc_col_confident_share": "Proporción segura ↑",
    "tc_col_quality_extra": "Más calidad",
    "tc_col_coverage_extra": "Más cobertura",
    "tc_col_nfe": "Evaluaciones de red / muestra",
    "tc_col_ms": "ms / muestra",
    "tc_col_seeds": "Semillas",
    "tc_seeds_training": "{n} × entrenamiento",
    "tc_seeds_sampling": "{n} × muestreo (modelo incluido)",
    "tc_real_data": "Datos reales (un modelo perfecto)",
    "tc_paper_model": "Modelo (CIFAR-10)",
    "tc_paper_fid": "FID ↓",
    "tc_paper_recall": "Exhaustividad ↑",
    "tc_paper_nfe": "Evaluaciones de red",
    "tc_paper_seconds": "Segundos / 100 imágenes (GPU V100)",
    "tc_speed_title": "Calidad frente a velocidad\nlo mejor: arriba a la izquierda",
    "tc_cov_title": "Cobertura frente a calidad\nlo mejor: arriba a la derecha",
    "tc_ms_axis": "ms por muestra, esta CPU (escala log.)",
    "tc_quality_axis": "Precisión (calidad)",
    "tc_coverage_axis": "Exhaustividad (cobertura)",
    "tc_axis_quality": "Calidad",
    "tc_axis_coverage": "Cobertura",
    "tc_axis_speed": "Velocidad",
    "tc_radar_title": "El trilema por modelo\n{dataset}",
    "tc_radar_note": (
        "La calidad es la precisión y la cobertura, la exhaustividad; la velocidad vale 1 para el modelo más rápido de la tabla y 0 para "
        "el más lento, en escala logarítmica del tiempo."
    ),
    "tc_steps_title": "Pasos frente a calidad\n{dataset}",
    "tc_nfe_axis": "Evaluaciones de red por muestra (log.)",
    "tc_fid_axis": "FID (menor es mejor)",
    "tc_frechet_axis": "Distancia de Fréchet (menor es mejor)",
    "tc_previews_title": "Muestras de cada modelo: {dataset}",
    "tc_holds": "✓ se cumple acá",
    "tc_fails": "✗ no se cumple acá",
    "tc_claim_gan_fast": "una GAN muestrea al menos 100 veces más rápido que DDPM",
    "tc_claim_diffusion_covers": "DDPM cubre los datos al menos tan bien como la GAN (exhaustividad)",
    "tc_claim_vae_blurry": "las muestras del VAE tienen menos calidad que las de la GAN (precisión)",
    "tc_claim_ddgan_fast": "DDGAN con 4 pasos muestrea al menos 50 veces más rápido que DDPM",
    "tc_claim_ddgan_good": "DDGAN conserva al menos el 90\u00a0% de la precisión y la exhaustividad de DDPM",
    "tc_claim_ddim_few_steps": "DDIM con 50 pasos conserva el 90\u00a0% de la precisión de DDPM, y con 10 pierde algo",
    "tc_detail_gan_fast": "DDPM tarda {ratio:.0f} veces lo que la GAN por muestra",
    "tc_detail_diffusion_covers": "exhaustividad: DDPM {ddpm:.3f}, GAN {gan:.3f}",
    "tc_detail_vae_blurry": "precisión: VAE {vae:.3f}, GAN {gan:.3f}",
    "tc_detail_ddgan_fast": "DDPM tarda {ratio:.0f} veces lo que DDGAN por muestra",
    "tc_detail_ddgan_good": "precisión: DDGAN {p_ddgan:.3f}, DDPM {p_ddpm:.3f}; exhaustividad: DDGAN {r_ddgan:.3f}, DDPM {r_ddpm:.3f}",
    "tc_detail_ddim_few_steps": "precisión: DDPM {ddpm:.3f}, DDIM-50 {ddim50:.3f}, DDIM-10 {ddim10:.3f}",
    "tc_full_run": "la ejecución completa incluida",
    "tc_quick_run": "una ejecución rápida (entrenamientos mínimos: las cifras solo muestran que el proceso funciona)",
    "tc_n_seeds_one": "{count} semilla",
    "tc_n_seeds_other": "{count} semillas",
    "tc_source": "Medido el {when} en {kind}: {cpus} CPU, torch {torch}, {seeds} por modelo.",
    "tc_missing": "Faltan los resultados de la comparación ({error}); quien da el curso puede volver a generarlos.",
    "tri_speed_plot": "Calidad frente a velocidad",
    "tri_radar_plot": "El trilema, modelo a modelo",
    "tri_real_points": "Puntos reales",
    "tri_compare_dataset": "Conjunto de datos",
    "tri_compare_table": "La tabla (media ± dispersión entre semillas)",
    "tri_claims_title": "#### Lo que afirma el curso, comprobado con nuestras cifras",
    "tri_reading_title": "#### Cómo leer la ejecución incluida",
    "tri_reading_speed": (
        "- **La velocidad no es la cantidad de evaluaciones de la red.** DDPM hace 1000 evaluaciones por muestra y es "
        "{ddpm_vae_ring:,.0f} veces más lento que el VAE, de una sola pasada, en el anillo, {ddpm_vae_grid:,.0f} veces en la grilla y "
        "{ddpm_vae_digits:,.0f} veces en dígitos ({ddpm_ms_ring:.1f}\u00a0ms por punto 2D, {ddpm_ms_digits:,.0f}\u00a0ms por dígito en "
        "esta CPU): "
        "la red de dígitos cuesta más por evaluación. Al revés, la GAN de difusión hace 4 evaluaciones y tarda "
        "{ddgan_us_digits:.0f}\u00a0µs "
        "por dígito, menos que la DCGAN de una sola pasada ({gan_us_digits:.0f}\u00a0µs): cada una de sus evaluaciones cuesta menos. DDIM "
        "con "
        "50 pasos es {ddim_speedup_ring:.0f} veces más rápido que DDPM en el anillo y conserva casi toda su calidad (precisión "
        "{p_ddim50_ring:.2f} frente a {p_ddpm_ring:.2f}); con 10 pasos las muestras 2D se salen de los modos estrechos (precisión "
        "{p_ddim10_ring:.2f} en el anillo), los dígitos mucho menos ({p_ddim10_digits:.2f})."
    ),
    "tri_reading_coverage": (
        "- **Cobertura**: DDPM cubre los datos 2D mejor que la GAN (exhaustividad {r_ddpm_ring:.2f} frente a {r_gan_ring:.2f} en el "
        "anillo; {modes_ddpm_grid:.0f} de los {grid_modes:.0f} modos de la grilla frente a {modes_gan_grid:.1f} en promedio). En "
        "dígitos, la DCGAN incluida cubre más o menos lo mismo que DDPM (exhaustividad {r_gan_digits:.2f} frente a {r_ddpm_digits:.2f}): "
        "el *las GAN pierden modos* del curso no aparece a esta escala; aparece en el experimento de colapso de modos del GAN Lab."
    ),
    "tri_reading_quality": (
        "- **Calidad**: el VAE, que decodifica la media, desdibuja los datos 2D. En el anillo el {hq_vae_ring} de sus muestras cae a "
        "menos de 3 desvíos estándar de un modo (la GAN: {hq_gan_ring}), en la grilla el {hq_vae_grid} (la GAN: {hq_gan_grid}). En "
        "dígitos su precisión es más o menos la de la GAN ({p_vae_digits:.2f} frente a {p_gan_digits:.2f}) pero su exhaustividad es la "
        "más baja ({r_vae_digits:.2f}, FID {fid_vae_digits:.2f}): acá el VAE paga en cobertura."
    ),
    "tri_reading_ddgan": (
        "- **La respuesta del trilema**: la GAN de difusión con 4 pasos es entre {ddgan_speedup_min:,.0f} y {ddgan_speedup_max:,.0f} "
        "veces más rápida que DDPM. En el anillo es tan buena como DDPM (precisión {p_ddgan_ring:.2f} y exhaustividad {r_ddgan_ring:.2f} "
        "frente a {p_ddpm_ring:.2f} y {r_ddpm_ring:.2f}); en dígitos se acerca ({p_ddgan_digits:.2f} y {r_ddgan_digits:.2f} frente a "
        "{p_ddpm_digits:.2f} y {r_ddpm_digits:.2f}); en la grilla encuentra {modes_ddgan_grid:.0f} modos pero solo el {hq_ddgan_grid} de "
        "sus muestras cae sobre uno (DDPM: {hq_ddpm_grid}). Con nuestros presupuestos de entrenamiento pequeños suaviza el trilema, no "
        "lo resuelve."
    ),
    "tri_reading_fid": (
        "- **FID**: la DCGAN obtiene un FID más bajo que DDPM ({fid_gan_digits:.2f} frente a {fid_ddpm_digits:.2f}; dígitos reales "
        "{fid_real:.2f}): el FID de la galería ve las características que usa el clasificador, las clases y los trazos gruesos, no cada "
        "detalle. Leelo junto a la precisión y la exhaustividad."
    ),
    "tri_space_caption": (
        "Cada punto son las 64 características que el clasificador extrae de un dígito, proyectadas sobre sus dos primeras componentes "
        "principales: los puntos de color son dígitos de prueba (color = clase), las cruces negras los dígitos de entrenamiento "
        "estropeados."
    ),
    "tri_dashboard_link": (
        "**[Abrí el tablero completo del trilema ↗](/dashboard/?lang=es)**: todas las familias de modelos con los mismos datos en una "
        "tabla, con gráficos que podés filtrar por conjunto de datos y por modelo (se abre en este mismo servidor)."
    ),
}
