"""The HSDS 3.0 API (/api/hsds/)."""

from ninja import NinjaAPI

hsds_api = NinjaAPI(
    title="Linkwork HSDS 3.0 API", version="3.0", urls_namespace="api-hsds", docs_url="/docs"
)
