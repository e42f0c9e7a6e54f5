"""Turning executed notebooks into the site: the pipeline, its cache and manifest, the book,
the Sphinx extensions, the offline chart renderer and the browser checks of a built site."""
