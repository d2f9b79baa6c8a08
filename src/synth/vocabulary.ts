import { lines, words } from "./lists.ts";

// Places, tags, topics and roles the synthetic records are made of. Places keep the documents'
// own spellings, diacritics included, and some appear in more than one spelling, as in sources.

export const PLACES = lines(`
  Vardø
  Vadsø
  Båtsfjord
  Tromsø
  Kirkenes
  Hammerfest
  Honningsvåg
  Bodø
  Alta
  Karasjok
  Kautokeino
  Guovdageaidnu
  Grense Jakobselv
  Storskog
  Neiden
  Pasvik
  Sør-Varanger
  Finnmark
  Svalbard
  Longyearbyen
  Barentsburg
  Bjørnøya
  Oslo
  Trondheim
  Murmansk
  Arkhangelsk
  Archangel
  Pechenga
  Petsamo
  Nikel
  Zapolyarny
  Severomorsk
  Borisoglebsk
  Kola Peninsula
  Kandalaksha
  Solovetsky Islands
  White Sea
  Barents Sea
  Novaya Zemlya
  Moscow
  Saint Petersburg
`);

export const TAGS = words(`
  barents-sea fisheries visas border ports sanctions espionage diplomats embassy consulate
  trade pomor-trade energy gas oil nuclear-safety environment svalbard military navy
  exercises culture sport education research tourism ukraine cold-war world-war-ii treaty
  delimitation coast-guard search-and-rescue health media cyber drones airspace church sami
  minorities timber grain early-history vikings monastery shipping reindeer-herding
`);

/** What talks, sanctions and surveys are about, as a phrase inside a sentence. */
export const TOPICS = lines(`
  fisheries quotas
  visa rules
  the Svalbard Treaty
  the maritime boundary
  nuclear safety
  search and rescue at sea
  the pomor trade
  nickel smelter emissions
  cross-border travel
  fishing licences
  grain and timber trade
  reindeer herding across the border
  shipping lanes in the Barents Sea
  radioactive waste
  Arctic research stations
  cultural exchange
  energy cooperation
  the consulates in Kirkenes and Murmansk
  port access for fishing vessels
  military exercises near the border
`);

/** Roles by era: a Pomor trader before 1800, a consul general after 1900. */
export const ROLES = {
  Norwegian: {
    old: lines(`
      Bailiff of Vardøhus
      Merchant in Bergen
      Priest in Finnmark
      Envoy of the Danish-Norwegian crown
      Fisherman and trader
    `),
    recent: lines(`
      Minister of Foreign Affairs
      State Secretary
      Norwegian ambassador to Russia
      Consul General in Murmansk
      Member of the Storting
      Mayor of Sør-Varanger
      County governor of Finnmark
      Police Security Service official
      Border commissioner
      Fisheries inspector
      Researcher
      Journalist
    `),
  },
  Russian: {
    old: lines(`
      Pomor trader
      Envoy of the Tsar
      Monk of the Pechenga Monastery
      Merchant of Arkhangelsk
      Governor of Arkhangelsk
    `),
    recent: lines(`
      Russian ambassador to Norway
      Deputy Foreign Minister
      Consul General in Kirkenes
      Governor of Murmansk Oblast
      Military attaché
      Trade representative
      Fisheries official
      Diplomat
      Researcher
      Journalist
    `),
  },
  Sami: {
    old: lines(`
      Reindeer herder
      Siida elder
      Trader on the Varanger coast
    `),
    recent: lines(`
      Member of the Sámi Parliament
      Reindeer herder
      Sami rights activist
      Researcher
      Artist
    `),
  },
} as const;

/** Sentences that lengthen a summary; {place}, {other} and {topic} are filled in. */
export const FILLERS = lines(`
  Officials in {place} described the meeting as constructive.
  Local newspapers in {place} followed the matter for several weeks.
  Fishermen from {place} watched the negotiations closely.
  The decision was criticised in {other}, where it was seen as a step backwards.
  Observers noted that the question of {topic} had been raised several times before.
  The synthetic record adds that the talks ran late into the evening.
  A joint statement was promised but not published.
  Residents of {place} were told that daily life would not change.
  Both sides said that further meetings on {topic} would follow.
  The issue returned to the agenda the following year.
  A delegation from {other} travelled to {place} for the occasion.
  The ministry declined to comment on the details.
  Historians later disagreed about how much the episode mattered.
  Trade through {place} slowed for a time.
  The matter was discussed again in connection with {topic}.
  Several smaller incidents near {place} were reported in the same period.
  The account survives only in this synthetic source.
  Representatives of the Sami in {place} asked to be consulted.
`);
