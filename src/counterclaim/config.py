"""One immutable configuration object: defaults in code, overridden by a file, then the environment.

Precedence (later wins):

1. the defaults below (:data:`SETTINGS`);
2. a configuration file — TOML (``*.toml``) or YAML (``*.yaml``/``*.yml``) — given as
   ``load_config(path)``, ``counterclaim --config FILE`` or the environment variable
   ``COUNTERCLAIM_CONFIG``; keys at the top level or in a ``[counterclaim]`` table;
3. environment variables ``COUNTERCLAIM_<KEY>`` (upper case), e.g. ``COUNTERCLAIM_BATCH_SIZE=64``
   (other ``COUNTERCLAIM_*`` variables are not configuration keys and are ignored here).

Three keys (``pipeline``, ``db``, ``actors``) are read by their modules straight from the
environment; :meth:`Config.export_environment` (called by the CLI) sets those variables from a
file's values, so a configuration file reaches them too.

Every key is documented in :data:`SETTINGS` (``counterclaim config`` prints them with their
values and where each value came from); an unknown key or a value of the wrong type is an
error (E030/E031) rather than silently ignored. Example ``counterclaim.toml``::

    pipeline = "/models/counterclaim-news"
    batch_size = 64
    db = "postgresql://localhost/claims"
    color = "never"
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from counterclaim.errors import ConfigError

log = logging.getLogger(__name__)

__all__ = ["Config", "Setting", "SETTINGS", "ENV_PREFIX", "CONFIG_ENV", "load_config", "get_config"]

ENV_PREFIX = "COUNTERCLAIM_"
#: Environment variable naming a configuration file.
CONFIG_ENV = "COUNTERCLAIM_CONFIG"


@dataclass(frozen=True)
class Setting:
    """One configuration key: its type, default and documentation."""

    name: str
    type: type
    default: Any
    doc: str
    choices: tuple[str, ...] = ()
    minimum: Optional[int] = None
    exported: bool = False  # read by its module from the environment variable COUNTERCLAIM_<NAME>


#: Every configuration key, with its default and what it does.
SETTINGS: tuple[Setting, ...] = (
    Setting("pipeline", str, "",
            "spaCy pipeline directory to load instead of the one shipped in counterclaim/nlp/models "
            "(empty = the shipped one). Read by counterclaim.nlp from COUNTERCLAIM_PIPELINE.", exported=True),
    Setting("batch_size", int, 32, "Documents parsed together by spaCy in a batch (analyze on collections).", minimum=1),
    Setting("n_process", int, 1, "Worker processes for analysing collections, parse and extraction (1 = in this process; 2 gave 1.7x the throughput on 2 cores).", minimum=1),
    Setting("max_chars", int, 1_000_000,
            "Longest document accepted, in characters (spaCy's max_length); longer documents fail with a clear error.", minimum=1),
    Setting("db", str, "",
            "Where analyses are stored: a SQLite file path or a postgresql:// URL (empty = the store's default, "
            "counterclaim.db). Read by counterclaim.store from COUNTERCLAIM_DB.", exported=True),
    Setting("actors", str, "",
            "A YAML file of extra actors and places that add to or override the shipped gazetteer "
            "(empty = none). Read by counterclaim.extract.gazetteer from COUNTERCLAIM_ACTORS.", exported=True),
    Setting("color", str, "auto", "Coloured terminal output: auto (when stdout is a terminal), always, never.",
            choices=("auto", "always", "never")),
    Setting("progress", bool, True, "Show progress bars on stderr for collections (only when stderr is a terminal)."),
    Setting("log_level", str, "WARNING", "Logging level: DEBUG, INFO, WARNING, ERROR.",
            choices=("DEBUG", "INFO", "WARNING", "ERROR")),
    Setting("web_host", str, "127.0.0.1", "Address `counterclaim serve` listens on (--host overrides it)."),
    Setting("web_port", int, 8000, "Port `counterclaim serve` listens on (--port overrides it).", minimum=1),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Config:
    """The settings in effect (immutable). ``sources`` says where each value came from."""

    pipeline: str = ""
    batch_size: int = 32
    n_process: int = 1
    max_chars: int = 1_000_000
    db: str = ""
    actors: str = ""
    color: str = "auto"
    progress: bool = True
    log_level: str = "WARNING"
    web_host: str = "127.0.0.1"
    web_port: int = 8000
    sources: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    def explain(self) -> list[tuple[str, Any, str, str]]:
        """(key, value, source, documentation) for every setting: which rule set each value."""
        return [(s.name, getattr(self, s.name), self.sources.get(s.name, "default"), s.doc) for s in SETTINGS]

    def export_environment(self, environ: Optional[dict] = None) -> None:
        """Set COUNTERCLAIM_PIPELINE/_DB/_ACTORS from this config for the modules that read them there.

        Only values that came from a file or an argument are exported (an environment value is already there).
        """
        environ = os.environ if environ is None else environ
        for s in SETTINGS:
            value = getattr(self, s.name)
            if s.exported and value and not self.sources.get(s.name, "default").startswith(("env", "default")):
                environ[ENV_PREFIX + s.name.upper()] = str(value)

    def replace(self, **changes: Any) -> "Config":
        """A copy with some values changed (validated like a file's values); source 'argument'."""
        values = {k: _coerce(k, v, "argument") for k, v in changes.items()}
        sources = {**self.sources, **{k: "argument" for k in values}}
        return dataclasses.replace(self, **values, sources=sources)


def _coerce(key: str, value: Any, source: str) -> Any:
    setting = _BY_NAME.get(key)
    if setting is None:
        raise ConfigError("E030", key=key, source=source, known=", ".join(_BY_NAME))
    expected = setting.type.__name__
    if setting.choices:
        expected = "one of " + ", ".join(setting.choices)
    elif setting.minimum is not None:
        expected = f"an integer >= {setting.minimum}"
    ok = True
    if setting.type is bool:
        if isinstance(value, str):
            low = value.strip().lower()
            if low in ("1", "true", "yes", "on"):
                value = True
            elif low in ("0", "false", "no", "off"):
                value = False
        ok = isinstance(value, bool)
    elif setting.type is int:
        if isinstance(value, str):
            try:
                value = int(value.strip())
            except ValueError:
                ok = False
        ok = ok and isinstance(value, int) and not isinstance(value, bool)
        if ok and setting.minimum is not None and value < setting.minimum:
            ok = False
    elif setting.type is str:
        ok = isinstance(value, str)
        if ok and setting.choices:
            matches = [c for c in setting.choices if c.lower() == value.strip().lower()]
            ok = bool(matches)
            value = matches[0] if matches else value
    if not ok:
        raise ConfigError("E031", key=key, source=source, expected=expected, value=value)
    return value


def _read_file(path: Union[str, os.PathLike]) -> dict[str, Any]:
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".toml", ".yaml", ".yml"):
        raise ConfigError("E033", path=str(p))
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ConfigError("E032", path=str(p), reason=exc.strerror or str(exc)) from None
    try:
        if suffix == ".toml":
            import tomllib

            data = tomllib.loads(raw.decode("utf-8"))
        else:
            import yaml

            data = yaml.safe_load(raw.decode("utf-8")) or {}
    except Exception as exc:  # tomllib.TOMLDecodeError, yaml.YAMLError, UnicodeDecodeError
        raise ConfigError("E032", path=str(p), reason=f"{type(exc).__name__}: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError("E032", path=str(p), reason="the file is not a table/mapping of keys to values")
    if isinstance(data.get("counterclaim"), dict):
        data = data["counterclaim"]
    return data


def load_config(path: Optional[Union[str, os.PathLike]] = None, env: Optional[Mapping[str, str]] = None) -> Config:
    """The configuration: defaults, then the file (``path`` or $COUNTERCLAIM_CONFIG), then $COUNTERCLAIM_* variables."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    path = path or env.get(CONFIG_ENV) or None
    if path:
        for key, value in _read_file(path).items():
            values[key] = _coerce(str(key), value, f"file {path}")
            sources[key] = f"file {path}"
    for name, value in env.items():
        if not name.startswith(ENV_PREFIX) or name == CONFIG_ENV:
            continue
        key = name[len(ENV_PREFIX):].lower()
        if key not in _BY_NAME:
            log.debug("ignoring environment variable %s: not a configuration key", name)
            continue
        values[key] = _coerce(key, value, f"environment variable {name}")
        sources[key] = f"env {name}"
    return Config(**values, sources=sources)


_CURRENT: Optional[Config] = None


def get_config() -> Config:
    """The process-wide configuration (loaded from the file and environment on first use)."""
    global _CURRENT
    if _CURRENT is None:
        _CURRENT = load_config()
    return _CURRENT


def set_config(config: Config) -> None:
    """Make ``config`` the process-wide configuration (the CLI does this for ``--config``)."""
    global _CURRENT
    _CURRENT = config
