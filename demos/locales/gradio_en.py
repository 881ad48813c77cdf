"""Gradio's own interface texts in English: its built-in wording, the twin of `gradio_es.py`
(every key in both tables)."""

STRINGS: dict[str, str] = {
    # the upload boxes
    "upload_text.click_to_upload": "Click to Upload",
    "upload_text.drop_image": "Drop Image Here",
    "upload_text.drop_file": "Drop File Here",
    "upload_text.drop_csv": "Drop CSV Here",
    "upload_text.drop_audio": "Drop Audio Here",
    "upload_text.drop_video": "Drop Video Here",
    "upload_text.drop_gallery": "Drop Media Here",
    "image.drop_to_upload": "Drop an image file here to upload",
    "video.drop_to_upload": "Drop a video file here to upload",
    "audio.drop_to_upload": "Drop an audio file here to upload",
    "dataframe.drop_to_upload": "Drop CSV or TSV files here to import data into dataframe",
    "3D_model.drop_to_upload": "Drop a 3D model (.obj, .glb, .stl, .gltf, .splat, or .ply) file here to upload",
    # the drawing canvas
    "image_editor.select_draw_tool": "select the draw tool to start",
    "image_editor.upload": "Upload",
    "image_editor.upload_image": "Upload an image",
    # permissions, queue and connection
    "image.allow_webcam_access": "Please allow access to the webcam for recording.",
    "audio.allow_recording_access": "Please allow access to the microphone for recording.",
    "audio.no_device_support": (
        "Media devices could not be accessed. Check that you are running on a secure origin (https) or localhost "
        "(or you have passed a valid SSL certificate to ssl_verify), and you have allowed browser access to your device."
    ),
    "status.queue_position": "In queue: {position} of {size}",
    "blocks.waiting_for_inputs": "Waiting for file(s) to finish uploading, please retry.",
    "blocks.long_requests_queue": "There is a long queue of requests pending. Duplicate this Space to skip.",
    "blocks.connection_can_break": (
        "On mobile, the connection can break if this tab is unfocused or the device sleeps, losing your position in queue."
    ),
    "errors.contact_page_author": "Please contact the author of the page to let them know.",
    "login.enable_cookies": "If you are visiting a HuggingFace Space in Incognito mode, you must enable third party cookies.",
}
