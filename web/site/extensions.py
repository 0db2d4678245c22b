"""Flask extensions, created unbound here and bound to an app in :func:`web.app.create_app`.

The limiter counts where the app's ``RATELIMIT_STORAGE_URI`` says (``XIESHANG_LIMITER_STORAGE``).
"""

from __future__ import annotations

from flask_babel import Babel
from flask_babel import lazy_gettext as _
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

babel = Babel()
compress = Compress()
"""Text responses gzip/brotli-compressed (Flask-Compress); see docs/architecture.md."""
csrf = CSRFProtect()
login_manager = LoginManager()
# Flask-Login's own message is English; this one is translated when it is flashed.
login_manager.login_message = _("Please log in to see this page.")
login_manager.localize_callback = str
limiter = Limiter(key_func=get_remote_address, default_limits=[])
