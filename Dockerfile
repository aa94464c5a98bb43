# The API (which serves the web app) and the worker, built from this repo. TypeScript runs through
# tsx, as in development.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY workflows ./workflows
COPY activities ./activities
COPY drizzle ./drizzle
# The web app the API serves at APP_URL (Vite and React are runtime dependencies for this step).
RUN npm run build:web
USER node
EXPOSE 3000
CMD ["npm", "run", "api"]
