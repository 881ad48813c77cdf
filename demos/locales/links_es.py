"""Texto en español de los enlaces que vuelven a abrir una configuración (demos/links.py), que usan todas las pestañas."""

STRINGS: dict[str, str] = {
    "common_link_button": "Copiar enlace",
    "common_link_field": "Enlace a esta configuración",
    "common_link_info": (
        "Se copia al portapapeles si el navegador lo permite (si no, copialo de acá). "
        "Al abrirlo, esta sección aparece con estos valores y esta semilla."
    ),
    "common_link_value": "valor",
    "common_link_restored": (
        "Volvió la configuración del enlace. Los resultados que salen de un botón (entrenar, generar) vuelven cuando lo tocás."
    ),
    "common_link_adjusted": "Fuera de rango en el enlace, se llevó al valor permitido más cercano: {names}.",
    "common_link_ignored": "El enlace traía valores que esta página no conoce o no puede leer; se dejaron de lado: {names}.",
}
