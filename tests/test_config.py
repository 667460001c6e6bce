"""Configuration: defaults in code, then a file, then COUNTERCLAIM_* variables; every key documented."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from counterclaim import config as cfg
from counterclaim.cli import main
from counterclaim.errors import ConfigError


def test_defaults_need_no_file_and_no_environment():
    c = cfg.load_config(env={})
    assert c == cfg.Config()
    assert c.batch_size == 32 and c.color == "auto" and c.progress is True
    assert all(source == "default" for _, _, source, _ in c.explain())


def test_every_setting_is_documented_and_matches_the_config_object():
    fields = {f.name: f for f in dataclasses.fields(cfg.Config) if f.name != "sources"}
    assert set(fields) == {s.name for s in cfg.SETTINGS}
    for s in cfg.SETTINGS:
        assert fields[s.name].default == s.default, s.name
        assert len(s.doc) > 20, f"setting {s.name} needs documentation"
        assert isinstance(s.default, s.type)
    # the module docstring tells the precedence and the environment prefix
    assert "COUNTERCLAIM_" in cfg.__doc__ and "TOML" in cfg.__doc__ and "YAML" in cfg.__doc__


def test_config_is_immutable():
    c = cfg.Config()
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.batch_size = 5  # type: ignore[misc]


def test_file_then_environment_precedence(tmp_path):
    path = tmp_path / "counterclaim.toml"
    path.write_text('batch_size = 8\ncolor = "never"\nprogress = false\n', encoding="utf-8")
    c = cfg.load_config(path, env={"COUNTERCLAIM_BATCH_SIZE": "64"})
    assert (c.batch_size, c.color, c.progress) == (64, "never", False)
    sources = {k: s for k, _, s, _ in c.explain()}
    assert sources["batch_size"] == "env COUNTERCLAIM_BATCH_SIZE"
    assert sources["color"].startswith("file ") and sources["n_process"] == "default"


def test_yaml_file_table_and_config_env_var(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("counterclaim:\n  n_process: 2\n  log_level: info\n", encoding="utf-8")
    c = cfg.load_config(env={"COUNTERCLAIM_CONFIG": str(path)})
    assert (c.n_process, c.log_level) == (2, "INFO")


@pytest.mark.parametrize(
    "content, code",
    [
        ("batchsize = 8\n", "E030"),
        ('batch_size = "many"\n', "E031"),
        ("batch_size = 0\n", "E031"),
        ('color = "purple"\n', "E031"),
        ("progress = 3\n", "E031"),
        ("this is not toml = = \n", "E032"),
    ],
)
def test_bad_files_are_errors_with_the_fix(tmp_path, content, code):
    path = tmp_path / "c.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        cfg.load_config(path, env={})
    assert exc.value.code == code
    assert "counterclaim config" in str(exc.value) or code == "E031"


def test_unknown_extension_and_missing_file(tmp_path):
    with pytest.raises(ConfigError) as exc:
        cfg.load_config(tmp_path / "c.ini", env={})
    assert exc.value.code == "E033"
    with pytest.raises(ConfigError) as exc:
        cfg.load_config(tmp_path / "missing.toml", env={})
    assert exc.value.code == "E032"


def test_environment_values_are_coerced_and_unknown_variables_ignored():
    c = cfg.load_config(env={"COUNTERCLAIM_PROGRESS": "no", "COUNTERCLAIM_N_PROCESS": "2",
                             "COUNTERCLAIM_SOMETHING_ELSE": "x", "HOME": "/root"})
    assert (c.progress, c.n_process) == (False, 2)
    with pytest.raises(ConfigError) as exc:
        cfg.load_config(env={"COUNTERCLAIM_N_PROCESS": "two"})
    assert "COUNTERCLAIM_N_PROCESS" in str(exc.value)


def test_file_values_reach_modules_that_read_the_environment(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('db = "/data/claims.db"\npipeline = "/models/p"\n', encoding="utf-8")
    environ: dict[str, str] = {}
    cfg.load_config(path, env={}).export_environment(environ)
    assert environ == {"COUNTERCLAIM_DB": "/data/claims.db", "COUNTERCLAIM_PIPELINE": "/models/p"}


def test_replace_validates():
    c = cfg.Config().replace(batch_size=4)
    assert c.batch_size == 4 and dict(c.sources) == {"batch_size": "argument"}
    with pytest.raises(ConfigError):
        cfg.Config().replace(batch_size=-1)


def test_cli_config_command_shows_values_and_sources(tmp_path):
    path = tmp_path / "c.yml"
    path.write_text("batch_size: 16\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(path), "config"], env={"COUNTERCLAIM_COLOR": "always"})
    assert result.exit_code == 0, result.output
    assert f"batch_size = 16  [file {path}]" in result.output
    assert "color = 'always'  [env COUNTERCLAIM_COLOR]" in result.output
    for s in cfg.SETTINGS:
        assert f"{s.name} = " in result.output


def test_cli_bad_config_is_a_usage_error(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text("nonsense_key = 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(path), "config"])
    assert result.exit_code == 2 and "E030" in result.output
