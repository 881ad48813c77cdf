"""Gradio's own interface texts in Rioplatense Spanish (voseo), replacing its built-in Spanish.

Gradio's Spanish mixes "usted" ("Haga clic para cargar", "Coloque la imagen aquí") and "tú"
("Arrastra un archivo…"); the gallery speaks "vos". The keys are Gradio's translation keys
(`templates/frontend/assets/es-*.js`), written flat with a dot: the frontend looks a flat key up
before the nested built-in one, so the app's table wins. English twin: `gradio_en.py`.
"""

STRINGS: dict[str, str] = {
    # the upload boxes
    "upload_text.click_to_upload": "Hacé clic para subir",
    "upload_text.drop_image": "Arrastrá la imagen acá",
    "upload_text.drop_file": "Arrastrá el archivo acá",
    "upload_text.drop_csv": "Arrastrá el CSV acá",
    "upload_text.drop_audio": "Arrastrá el audio acá",
    "upload_text.drop_video": "Arrastrá el video acá",
    "upload_text.drop_gallery": "Arrastrá las imágenes acá",
    "image.drop_to_upload": "Arrastrá un archivo de imagen acá para subirlo",
    "video.drop_to_upload": "Arrastrá un archivo de video acá para subirlo",
    "audio.drop_to_upload": "Arrastrá un archivo de audio acá para subirlo",
    "dataframe.drop_to_upload": "Arrastrá y soltá archivos CSV o TSV acá para importar sus datos a la tabla",
    "3D_model.drop_to_upload": "Arrastrá y soltá acá un archivo de modelo 3D (.obj, .glb, .stl, .gltf, .splat o .ply) para subirlo",
    # the drawing canvas
    "image_editor.select_draw_tool": "elegí la herramienta de dibujo para empezar",
    "image_editor.upload": "Subir",
    "image_editor.upload_image": "Subí una imagen",
    # permissions, queue and connection
    "image.allow_webcam_access": "Permití el acceso a la cámara web para grabar.",
    "audio.allow_recording_access": "Permití el acceso al micrófono para grabar.",
    "audio.no_device_support": (
        "No se pudo acceder a los dispositivos multimedia. Fijate que la página se abra desde un origen seguro (https) o "
        "localhost (o que hayas pasado un certificado SSL válido a ssl_verify) y que le hayas dado permiso al navegador."
    ),
    "status.queue_position": "En la cola: {position} de {size}",
    "blocks.waiting_for_inputs": "Todavía se están subiendo archivos; probá de nuevo en un momento.",
    "blocks.long_requests_queue": "Hay una cola larga de pedidos. Duplicá este Space para no esperar.",
    "blocks.connection_can_break": (
        "En el celular, la conexión se puede cortar si esta pestaña queda en segundo plano o el equipo se suspende, "
        "y perdés tu lugar en la cola."
    ),
    "errors.contact_page_author": "Avisale al autor de la página.",
    "login.enable_cookies": "Si estás visitando un Space de Hugging Face en modo incógnito, tenés que habilitar las cookies de terceros.",
}
