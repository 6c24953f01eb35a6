/** The ratings module's entry for app.ts (issue 13 "Quality feedback", docs/trading.md). */
export { createRatingService, type RatingService } from './ratings.service.js';
export { ratingRoutes } from './ratings.routes.js';
