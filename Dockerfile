# One image for every service of Samverkan Graph; SERVICE_DIR selects which one runs
# (subgraphs/orebro, ..., subgraphs/comparison, gateway). Multi-stage, runs as the non-root `node` user
# (uid 1000) on files it cannot change. `npm ci` needs every workspace's package.json: `npm run new-region`
# adds a region's line here; the tests check every workspace in package.json has one.
FROM node:24.21-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc tsconfig.json tsconfig.base.json ./
COPY contract/package.json contract/
COPY shared/package.json shared/
COPY gateway/package.json gateway/
COPY subgraphs/orebro/package.json subgraphs/orebro/
COPY subgraphs/kalmar/package.json subgraphs/kalmar/
COPY subgraphs/hoglandet/package.json subgraphs/hoglandet/
COPY subgraphs/samla/package.json subgraphs/samla/
COPY subgraphs/comparison/package.json subgraphs/comparison/
COPY web/package.json web/
COPY authoring/package.json authoring/
RUN npm ci --no-audit --no-fund
COPY contract contract
COPY shared shared
COPY gateway gateway
COPY subgraphs subgraphs
COPY scripts scripts
# The authoring tools (development only): tsc -b builds every reference of tsconfig.json.
COPY authoring authoring
# The playground and the dashboard: static builds the gateway serves (the playground embeds docs/queries).
COPY web web
COPY docs/queries docs/queries
RUN npx tsc -b && npm run build -w web && npm prune --omit=dev
# The source documents: a region subgraph checks every quote of its data against them before it loads it
# (it finds them in docs/sources/ above its data folder: /app/docs/sources).
COPY docs/sources docs/sources

FROM node:24.21-bookworm-slim
# APOLLO_TELEMETRY_DISABLED: a second guard (the gateway sets it itself): nothing calls outside unless configured.
ENV NODE_ENV=production HOST=0.0.0.0 APOLLO_TELEMETRY_DISABLED=true
WORKDIR /app
# Owned by root, read-only for the service: it writes nothing to disk (Kubernetes: readOnlyRootFilesystem).
COPY --from=build /app /app
USER node
CMD ["sh", "-c", "exec node \"$SERVICE_DIR/dist/index.js\""]
