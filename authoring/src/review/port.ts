/** Where `npm run review` serves the review page unless `--port` says otherwise (a development tool: 127.0.0.1 only). */
export const REVIEW_DEFAULT_PORT = 4010;
