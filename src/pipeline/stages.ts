/**
 * The pipeline, in one place and in order. Each stage reads the Doc layers it requires and adds the ones it
 * assigns; `checkStages` refuses an order in which a stage would read a layer before it exists.
 */
import { actorsStage } from '../stages/actors/index.ts';
import { casualtiesStage } from '../stages/casualties/index.ts';
import { cleanStage } from '../stages/clean/index.ts';
import { datesStage } from '../stages/dates/index.ts';
import { entitiesStage } from '../stages/entities/index.ts';
import { eventsStage } from '../stages/events/index.ts';
import { parseStage } from '../stages/parse/stage.ts';
import { placesStage } from '../stages/places/index.ts';
import { quotesStage } from '../stages/quotes/index.ts';
import { segmentStage } from '../stages/segment/index.ts';
import { topicStage } from '../stages/topic/index.ts';
import { checkStages, type Stage } from './stage.ts';

export const STAGES: readonly Stage[] = [cleanStage, topicStage, segmentStage, parseStage, entitiesStage, placesStage, actorsStage, datesStage, casualtiesStage, eventsStage, quotesStage];

checkStages(STAGES);
