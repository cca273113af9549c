import os
import pathlib

from hypothesis import HealthCheck, settings

# A derandomized profile for CI (reproducible), a bigger random one for local fuzzing.
settings.register_profile("ci", derandomize=True, deadline=None, max_examples=60,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None, max_examples=60)
settings.register_profile("fuzz", deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

DATA = pathlib.Path(__file__).parent / "data"
