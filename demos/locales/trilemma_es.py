"""Texto en español de la pestaña Trilema y FID."""

STRINGS: dict[str, str] = {
    "tri_bias_help": (
        "### 1. La FID está sesgada con muestras pequeñas\n"
        "Dígitos reales contra dígitos reales deberían dar 0, pero la FID calculada con pocas muestras queda muy por "
        "encima: la covarianza de una muestra pequeña es una estimación ruidosa. Aquí, dígitos de entrenamiento contra "
        "los de prueba (en las características del clasificador de dígitos de la galería), 5 extracciones por tamaño. "
        "Lee siempre una FID junto a esta referencia con el mismo tamaño."
    ),
    "tri_bias": "Real frente a real",
    "tri_bias_title": "FID de dígitos reales de entrenamiento frente a los reales de prueba",
    "tri_sample_size": "Número de dígitos de entrenamiento (escala log)",
    "tri_fid_axis": "FID (media ± desv. de 5 extracciones)",
    "tri_explain_help": (
        "### 2. Qué nota cada métrica\n"
        "Imagina que los dígitos de entrenamiento son la salida de un generador y estropéalos: el **desenfoque** baja la "
        "calidad; **quitar clases** elimina modas. La FID mezcla ambas cosas en un número. La **precisión** (¿caen las "
        "muestras dentro de la variedad real?) y la **densidad** (que puede superar 1) reaccionan a la calidad; el **recall** (¿cubren las "
        "muestras la variedad real?) y la **cobertura** reaccionan a las modas perdidas. A la derecha: el espacio de "
        "características de 64 dimensiones proyectado en sus dos primeras componentes principales."
    ),
    "tri_blur": "Desenfoque (desv. gaussiana, píxeles)",
    "tri_drop": "Quitar estos dígitos",
    "tri_size": "Número de muestras",
    "tri_metrics": "Precisión, recall, densidad, cobertura",
    "tri_metrics_title": "Las métricas k-NN frente a los dígitos reales de prueba",
    "tri_value": "Valor (ideal: 1)",
    "tri_precision": "Precisión",
    "tri_recall": "Recall",
    "tri_density": "Densidad",
    "tri_coverage": "Cobertura",
    "tri_space": "El espacio de características",
    "tri_space_title": "Características: 2 componentes principales",
    "tri_pc": "Componente principal {k}",
    "tri_real": "Dígitos reales de prueba (color por dígito)",
    "tri_fake": "Las muestras estropeadas",
    "tri_explain_text": "**FID {fid:.2f}** para estas {n} muestras, frente a **{baseline:.2f}** para otros tantos dígitos de entrenamiento intactos (la referencia).",
    "tri_err_all_dropped": "Deja al menos un dígito: si se quitan todas las clases no hay nada que comparar.",
    "tri_err_too_few": "Quedan muy pocas muestras (hacen falta al menos 10); deja más dígitos o sube el número de muestras.",
    # --- la comparación (sección 3 de la pestaña y el tablero) -----------------------------
    "tc_model_gan": "GAN (no saturante)",
    "tc_model_wgan_gp": "WGAN-GP",
    "tc_model_vae": "VAE",
    "tc_model_ddpm_1000": "DDPM, 1000 pasos",
    "tc_model_ddim_50": "DDIM, 50 pasos",
    "tc_model_ddim_10": "DDIM, 10 pasos",
    "tc_model_ddgan_4": "DDGAN, 4 pasos",
    "tc_model_ddgan_2": "DDGAN, 2 pasos",
    "tc_ds_ring": "Anillo de 8",
    "tc_ds_grid": "Rejilla de 25",
    "tc_ds_digits": "Dígitos 8x8",
    "tc_family_diffusion": "Difusión (una red, tres muestreadores)",
    "tc_family_ddgan": "GAN de difusión con eliminación de ruido",
    "tc_col_dataset": "Datos",
    "tc_col_model": "Modelo",
    "tc_col_precision": "Precisión ↑",
    "tc_col_recall": "Exhaustividad ↑",
    "tc_col_density": "Densidad",
    "tc_col_coverage": "Cobertura ↑",
    "tc_col_fid": "FID ↓",
    "tc_col_high_quality": "Proporción de alta calidad ↑",
    "tc_col_modes": "Modos capturados ↑",
    "tc_col_reverse_kl": "KL inversa ↓",
    "tc_col_class_kl": "KL de clases ↓",
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
    "tc_radar_note": "La calidad es la precisión y la cobertura, la exhaustividad; la velocidad vale 1 para el modelo más rápido de la tabla y 0 para el más lento, en escala logarítmica del tiempo.",
    "tc_steps_title": "Pasos frente a calidad\n{dataset}",
    "tc_nfe_axis": "Evaluaciones de red por muestra (log.)",
    "tc_fid_axis": "FID (menor es mejor)",
    "tc_frechet_axis": "Distancia de Fréchet (menor es mejor)",
    "tc_previews_title": "Muestras de cada modelo: {dataset}",
    "tc_holds": "✓ se cumple aquí",
    "tc_fails": "✗ no se cumple aquí",
    "tc_claim_gan_fast": "una GAN muestrea al menos 100 veces más rápido que DDPM",
    "tc_claim_diffusion_covers": "DDPM cubre los datos al menos tan bien como la GAN (exhaustividad)",
    "tc_claim_vae_blurry": "las muestras del VAE tienen menos calidad que las de la GAN (precisión)",
    "tc_claim_ddgan_fast": "DDGAN con 4 pasos muestrea al menos 50 veces más rápido que DDPM",
    "tc_claim_ddgan_good": "DDGAN conserva al menos el 90 % de la precisión y la exhaustividad de DDPM",
    "tc_claim_ddim_few_steps": "DDIM con 50 pasos conserva el 90 % de la precisión de DDPM, y con 10 pierde algo",
    "tc_detail_gan_fast": "DDPM tarda {ratio:.0f} veces lo que la GAN por muestra",
    "tc_detail_diffusion_covers": "exhaustividad: DDPM {ddpm:.3f}, GAN {gan:.3f}",
    "tc_detail_vae_blurry": "precisión: VAE {vae:.3f}, GAN {gan:.3f}",
    "tc_detail_ddgan_fast": "DDPM tarda {ratio:.0f} veces lo que DDGAN por muestra",
    "tc_detail_ddgan_good": "precisión: DDGAN {p_ddgan:.3f}, DDPM {p_ddpm:.3f}; exhaustividad: DDGAN {r_ddgan:.3f}, DDPM {r_ddpm:.3f}",
    "tc_detail_ddim_few_steps": "precisión: DDPM {ddpm:.3f}, DDIM-50 {ddim50:.3f}, DDIM-10 {ddim10:.3f}",
    "tc_full_run": "la ejecución completa incluida",
    "tc_quick_run": "una ejecución rápida (entrenamientos mínimos: las cifras solo muestran que el proceso funciona)",
    "tc_source": "Medido el {when} en {kind}: {cpus} CPU, torch {torch}, {seeds} semilla(s) por modelo.",
    "tc_scale_note": (
        "**Escalas distintas.** La nuestra: puntos 2D y dígitos de 8x8, redes pequeñas entrenadas en minutos y cronometradas "
        "en esta CPU con un hilo. La del artículo: imágenes de CIFAR-10, redes grandes y una GPU V100. Compara la *forma* "
        "del compromiso, no las cifras."
    ),
    "tc_missing": "No se encontraron resultados de la comparación ({error}). Ejecuta `python -m benchmarks trilemma` (unos 40 minutos) o `--quick`.",
    "tri_compare_help": (
        "### 3. Todas las familias, medidas\n"
        "Los mismos datos y las mismas medidas: GAN, un VAE, una red de difusión muestreada con DDPM (1000 pasos) y DDIM "
        "(50 y 10) y una GAN de difusión con 4 y 2 pasos, la respuesta del propio artículo del trilema. La calidad es la "
        "precisión; la cobertura, la exhaustividad; la velocidad, los milisegundos por muestra en esta CPU."
    ),
    "tri_speed_plot": "Calidad frente a velocidad",
    "tri_radar_plot": "El trilema, modelo a modelo",
    "tri_real_points": "Puntos reales",
    "tri_reading": (
        "#### Cómo leer la ejecución incluida\n"
        "- **La velocidad** se cumple en todos los casos: una GAN o un VAE necesitan una evaluación de red por muestra; "
        "DDPM necesita 1000 y es entre 1000 y 2000 veces más lento (2,5 ms por punto 2D, 194 ms por dígito en esta CPU). "
        "DDIM con 50 pasos es 20 veces más rápido que DDPM y conserva casi toda su calidad; con 10 pasos las muestras 2D "
        "se salen de los modos estrechos (precisión 0,06 en el anillo), los dígitos mucho menos.\n"
        "- **Cobertura**: DDPM cubre los datos 2D mejor que la GAN (exhaustividad 0,98 frente a 0,91 en el anillo, 25/25 "
        "modos frente a 23,3 en la rejilla). En dígitos, la DCGAN incluida cubre tanto como DDPM (0,88 frente a 0,87, ambas "
        "con todas las clases): el *las GAN pierden modos* del curso no aparece a esta escala; aparece en el experimento "
        "de colapso de modos del GAN Lab.\n"
        "- **Calidad**: el VAE, que decodifica la media, es el más borroso con datos 2D: en el anillo todas sus muestras "
        "caen entre los modos (precisión 0), en la rejilla el 59 % cae sobre un modo. En dígitos su precisión iguala a la "
        "de la GAN (0,86) pero su exhaustividad es la más baja (0,64, FID 1,40): aquí el VAE paga en cobertura.\n"
        "- **La respuesta del trilema**: la GAN de difusión con 4 pasos es entre 280 y 6200 veces más rápida que DDPM. En "
        "el anillo iguala a DDPM (precisión 0,93, exhaustividad 0,96); en dígitos se acerca (0,82 y 0,84 frente a 0,90 y "
        "0,87); en la rejilla encuentra todos los modos pero solo el 54 % de sus muestras cae sobre uno (DDPM: 94 %). Con "
        "nuestros presupuestos de entrenamiento pequeños suaviza el trilema, no lo resuelve.\n"
        "- **FID**: la DCGAN obtiene un FID más bajo que DDPM (0,30 frente a 0,39; dígitos reales 0,21): el FID de la "
        "galería ve las características que usa el clasificador, las clases y los trazos gruesos, no cada detalle. Léelo "
        "junto a la precisión y la exhaustividad."
    ),
    "tri_compare_dataset": "Conjunto de datos",
    "tri_compare_table": "La tabla (media ± dispersión entre semillas)",
    "tri_claims_title": "#### Lo que afirma el curso, comprobado con nuestras cifras",
}
