/** The pipeline page: every open deal, and going back to an account's page. Moves use `setStage`. */
import { database } from '../db-connection';
import { openAccountPage } from '../open-account-page';
import { pipelineCache } from '../pipeline-cache';
import type { Handlers } from '../router';

export const pipelineHandlers = {
  getPipeline: async (request) => pipelineCache.view(await database(), Date.now(), request.firstPerStage),
  openAccountPage: (request) => openAccountPage(request.accountKey, request.windowId),
} satisfies Partial<Handlers>;
