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
    "tri_comparison_coming": (
        "### 3. Todas las familias, medidas\n"
        "La comparación de GAN, VAE, DDPM, DDIM y una GAN de difusión con eliminación de ruido sobre los mismos datos "
        "(calidad, cobertura, velocidad) aparecerá aquí con su benchmark; las cifras 2D y de dígitos de cada familia ya "
        "están en sus pestañas."
    ),
}
