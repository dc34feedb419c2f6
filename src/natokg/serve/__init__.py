"""``natokg serve``: the store published as a SPARQL endpoint, dereferenceable IRIs and
server-rendered pages (Starlette, uvicorn, Jinja2).

The modules, lowest first:

- ``config``: ServeConfig, what is served and the limits
- ``served``: the served copy of a build, whose default graph is the union of the named
  graphs with each triple once
- ``negotiation``, ``results``: media types, and results written as SPARQL/RDF formats
- ``describe``, ``letters``, ``overview``: what the pages say (read from the store)
- ``pages``: the Jinja2 environment, render_page and the label_link filter
- ``limits``, ``protocol``, ``linked_data``, ``views``: the request handlers
- ``app``: create_app, the routes
"""

from natokg.serve.app import create_app
from natokg.serve.config import ServeConfig
from natokg.serve.pages import label_link, render_page

__all__ = ["ServeConfig", "create_app", "label_link", "render_page"]
