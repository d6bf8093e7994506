"""Static files in production: WhiteNoise's compressed, content-hashed files (cached for a
year by browsers), without following source-map comments: the vendored libraries ship their
minified files without the maps those comments name, and a missing map must not stop
`linkwork collectstatic`."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(
    patterns: tuple[tuple[str, tuple[object, ...]], ...],
) -> tuple[tuple[str, tuple[object, ...]], ...]:
    kept = []
    for extension, rules in patterns:
        rules = tuple(
            r
            for r in rules
            if "sourceMappingURL" not in (r if isinstance(r, str) else r[0])  # type: ignore[index]
        )
        if rules:
            kept.append((extension, rules))
    return tuple(kept)


class StaticStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)  # type: ignore[arg-type]
