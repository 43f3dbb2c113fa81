"""MkDocs hook: Material's search segments Chinese with jieba, which was most of the
build time. jieba_fast_dat is a compiled drop-in with the same dictionary and API; where
it is installed, the search plugin uses it, else plain jieba stays.

The swap happens when MkDocs imports this hook, after the search plugin module is loaded
and before its on_config, so the plugin loads our user dictionary into the fast one.
"""

from __future__ import annotations

import logging

try:
    import jieba_fast_dat
    from material.plugins.search import plugin as _search_plugin
except ImportError:  # another platform or Python: plain jieba, same results, slower
    pass
else:
    jieba_fast_dat.setLogLevel(logging.WARNING)
    _search_plugin.jieba = jieba_fast_dat
