# rolegraph: GraphQL over a job-family handbook in git.
#   docker build -t rolegraph .
#   docker run --rm -p 4000:4000 --read-only --tmpfs /tmp -v rolegraph-cache:/app/repo-cache rolegraph
# With no ROLEGRAPH_REPO it serves the embedded sample handbook.

# ---- build: compile TypeScript with the full dependency tree ----
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are copied; we build explicitly below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
# schema/examples.graphql holds the ladder page's GraphQL operations, bundled into its script.
COPY schema ./schema
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime: node, git, the built code and production dependencies only ----
FROM node:24-bookworm-slim
# git is how rolegraph reads the handbook; ca-certificates for https remotes; openssh-client for ssh ones.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates openssh-client \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The heap caps are what bound memory under large answers: without the old-space cap V8 lets garbage
# pile up between major GCs (ten concurrent first-to-last diffs at 20k commits peaked at 987-1049 MB
# RSS; with 768 MB, 491-555 MB, live heap ~250 MB); Node 24 also sizes the young generation larger
# than Node 20 did (the same diffs 649 MB without the semi-space cap, 508 MB with it; see
# bench/ANALYSIS.md). Raise the old-space cap for a handbook whose index needs more heap.
# Two malloc arenas instead of glibc's eight per core: the parse workers' and libuv's threads each
# kept an arena of their own, partly empty, and a cold 20k build peaked 10-20 MB higher for it.
# A fixed 4 MB trim threshold: glibc raises its own (up to 64 MB) each time a large block is freed, and
# keeps that much free at the top of the heap; cold 20k builds peaked ~20 MB lower with it fixed.
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-old-space-size=768 --max-semi-space-size=16" \
    MALLOC_ARENA_MAX=2 \
    MALLOC_TRIM_THRESHOLD_=4194304 \
    PORT=4000 \
    ROLEGRAPH_CACHE_DIR=/app/repo-cache \
    HOME=/tmp
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY sample ./sample
COPY schema ./schema
# The cache (clone, parse cache, sample repository) is the only place rolegraph writes besides /tmp,
# so the root filesystem can be mounted read-only.
RUN mkdir -p /app/repo-cache && chown node:node /app/repo-cache
VOLUME ["/app/repo-cache"]
USER node
EXPOSE 4000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "dist/cli/cli.js"]
CMD ["serve"]
