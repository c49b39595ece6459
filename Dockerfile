# Multi-stage build of the tackle command line.
#   docker compose build        (see docker-compose.yml)
# Build stage: the Swift toolchain plus libpq's headers.
ARG SWIFT_IMAGE=swift:6.3-bookworm
FROM ${SWIFT_IMAGE} AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The manifest and its dependencies first, so a source change does not refetch packages.
COPY Package.swift ./
RUN swift package resolve
COPY Plugins ./Plugins
COPY Sources ./Sources
COPY Tests ./Tests
COPY sql ./sql
# The release build links the Swift runtime statically (Package.swift), so the runtime image needs
# no Swift libraries.
RUN swift build -c release --product tackle \
    && cp "$(swift build -c release --show-bin-path)/tackle" /usr/local/bin/tackle

# Runtime: a slim Debian with only libpq and time zone data; no credentials in the image.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 ca-certificates tzdata libstdc++6 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/tackle --create-home tackle \
    && install -d -o tackle -g tackle /var/lib/tackle/reports
COPY --from=build /usr/local/bin/tackle /usr/local/bin/tackle
USER tackle
WORKDIR /var/lib/tackle
ENTRYPOINT ["/usr/local/bin/tackle"]
CMD ["--help"]
