"""Train quoteapi's English coreferee model on LitBank and write it as an installable package.

coreferee's English model is only published on GitHub, which our machines cannot reach, so we train
our own with coreferee's own trainer (``coreferee.training``) on LitBank's coreference annotations.

    python models/coreferee/train.py [--data ../shared/data/litbank/coref/brat]

takes about 10 minutes and 3.5 GB here and replaces ``models/coreferee/coreferee_model_en`` (the
package ``pip install ./models/coreferee`` installs). The stock ``python -m coreferee train`` would
insist on spaCy's md, lg and trf pipelines and write into site-packages; instead we give the trainer
a throw-away root package whose config lists only the pipeline we have (``sm_3_8_0``, i.e.
``en_core_web_sm`` 3.8.0: see ``models/en_core_web_sm``). Training is not seeded by coreferee, so
runs differ a little; the held-out accuracy is in the log this prints.
"""

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = "coreferee_model_en"
ROOT_PACKAGE = "quoteapi_coreferee_root"
DEFAULT_DATA = HERE.parents[2] / "shared" / "data" / "litbank" / "coref" / "brat"

CONFIG_ENTRY = """[sm_3_8_0]
model:                  core_web_sm
from_version:           3.8.0
to_version:             3.8.11
train_version:          3.8.0
"""


def make_root_package(workdir: Path) -> None:
    """The trainer reads ``<root>/lang/en/config.cfg`` and writes to ``<root>/../models/en``."""
    config_dir = workdir / ROOT_PACKAGE / "lang" / "en"
    config_dir.mkdir(parents=True)
    (workdir / ROOT_PACKAGE / "__init__.py").write_text("")
    (config_dir / "config.cfg").write_text(CONFIG_ENTRY)
    (workdir / "models").mkdir()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="LitBank coref/brat folder")
    parser.add_argument("--log-dir", type=Path, default=Path(tempfile.gettempdir()) / "coreferee-log")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"{args.data}: no LitBank brat folder here; pass --data PATH/litbank/coref/brat")

    from coreferee.training.train import TrainingManager

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        make_root_package(workdir)
        sys.path.insert(0, str(workdir))
        manager = TrainingManager(
            ROOT_PACKAGE, "en", "LitBankANNLoader", str(args.data), str(args.log_dir),
            train_not_check=True,
        )
        manager.train_models()
        trained = workdir / "models" / "en" / PACKAGE
        target = HERE / PACKAGE
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(trained, target)
    print(f"model written to {target}; install it with: pip install {HERE}")


if __name__ == "__main__":
    main()
