/** Rule ids of the actors stage, cited in `entities[].rules` and in the actor mentions events are built from. */
export const RULES = {
  entity: 'actors.entity-mention',
  entityPlace: 'actors.place-as-actor',
  countryPlusRole: 'actors.country-plus-role',
  capitalAsGovernment: 'actors.capital-as-government',
  orgHeadAgent: 'actors.org-head-agent',
  nominal: 'actors.nominal',
} as const;
