// What a good answer to /search must show: queries written from the seed documents, each with
// the records that must be among the first three hits (by kind and id: "event:…", "person:…",
// "source:…"). People, places, years, kinds of event, words only a quote holds, typos, and
// Norwegian and Cyrillic spellings. The relevance test and the benchmark both score against it.

export interface RelevanceCase {
  query: string;
  /** Records that must all be in the top three; the first one is the answer most wanted. */
  expect: readonly string[];
  /** What the query tries. */
  kind:
    | "person"
    | "place"
    | "year"
    | "kind"
    | "quote"
    | "typo"
    | "norwegian"
    | "cyrillic"
    | "source";
}

export const RELEVANCE_SET: readonly RelevanceCase[] = [
  // People, by name, surname and role.
  { query: "huitfeldt", expect: ["person:anniken-huitfeldt"], kind: "person" },
  {
    query: "frode berg",
    expect: ["person:frode-berg", "event:frode-berg-arrested-2017"],
    kind: "person",
  },
  {
    query: "zakayev",
    expect: ["person:akhmed-zakayev", "event:zakayev-oslo-freedom-forum-2012"],
    kind: "person",
  },
  { query: "pavlovsky", expect: ["person:vyacheslav-pavlovsky"], kind: "person" },
  { query: "mikushin", expect: ["person:mikhail-mikushin"], kind: "person" },
  { query: "José Assis Giammaria", expect: ["person:mikhail-mikushin"], kind: "person" },
  { query: "putin", expect: ["person:vladimir-putin"], kind: "person" },
  { query: "ambassador", expect: ["person:vyacheslav-pavlovsky"], kind: "person" },
  { query: "foreign minister huitfeldt", expect: ["person:anniken-huitfeldt"], kind: "person" },
  // Places.
  {
    query: "kirkenes",
    expect: ["event:embassies-and-consulates", "event:russian-ships-port-ban"],
    kind: "place",
  },
  { query: "Bjarmaland", expect: ["event:viking-contact-bjarmaland"], kind: "place" },
  { query: "white sea", expect: ["event:viking-contact-bjarmaland"], kind: "place" },
  { query: "Northern Dvina", expect: ["event:trading-expeditions-northern-dvina"], kind: "place" },
  { query: "novgorod", expect: ["event:treaty-of-novgorod-1326"], kind: "place" },
  { query: "Storskog", expect: ["event:border-crossing-storskog"], kind: "place" },
  { query: "Lefortovo", expect: ["event:frode-berg-arrested-2017"], kind: "place" },
  { query: "Solovetsky Monastery", expect: ["event:vardohus-fortress-1300"], kind: "place" },
  { query: "Kola Peninsula", expect: ["event:kola-peninsula-claim"], kind: "place" },
  { query: "Nikel", expect: ["event:norilsk-nickel-emissions"], kind: "place" },
  // Years and dates.
  { query: "1326", expect: ["event:treaty-of-novgorod-1326"], kind: "year" },
  { query: "1905", expect: ["event:diplomatic-relations-1905"], kind: "year" },
  { query: "2010 barents sea", expect: ["event:barents-sea-dispute-resolved-2010"], kind: "year" },
  { query: "expulsions 2023", expect: ["event:expulsion-2023-04-norway"], kind: "year" },
  { query: "August 2024", expect: ["event:mikushin-prisoner-exchange-2024"], kind: "year" },
  // Kinds of event.
  {
    query: "mock airstrike",
    expect: ["event:mock-airstrike-vardo-2017", "event:mock-airstrike-vardo-2018"],
    kind: "kind",
  },
  { query: "prisoner exchange", expect: ["event:mikushin-prisoner-exchange-2024"], kind: "kind" },
  { query: "hackers labour party", expect: ["event:labour-party-hacked-2017"], kind: "kind" },
  { query: "unfriendly countries", expect: ["event:unfriendly-countries-list-2023"], kind: "kind" },
  { query: "visas intelligence officers", expect: ["event:visas-refused-2023-04"], kind: "kind" },
  { query: "missile system", expect: ["event:bal-missile-system-2019"], kind: "kind" },
  { query: "television series", expect: ["event:occupied-tv-series-2015"], kind: "kind" },
  // Words that only a quote holds.
  {
    query: "heroic liberation",
    expect: ["event:pavlovsky-responds-to-occupied-2015"],
    kind: "quote",
  },
  { query: "intensification", expect: ["event:store-dialogue-with-russia"], kind: "quote" },
  { query: "second pillar", expect: ["event:russia-policy-two-pillars"], kind: "quote" },
  { query: "humanitary", expect: ["event:norway-support-for-ukraine"], kind: "quote" },
  // Typos.
  { query: "huitfedlt", expect: ["person:anniken-huitfeldt"], kind: "typo" },
  { query: "kirkenez", expect: ["event:embassies-and-consulates"], kind: "typo" },
  { query: "mikusin", expect: ["person:mikhail-mikushin"], kind: "typo" },
  { query: "novogorod", expect: ["event:treaty-of-novgorod-1326"], kind: "typo" },
  { query: "pavlovksy", expect: ["person:vyacheslav-pavlovsky"], kind: "typo" },
  { query: "airstrke vardo", expect: ["event:mock-airstrike-vardo-2017"], kind: "typo" },
  // Norwegian spellings, and the same words without their letters.
  { query: "Vardø", expect: ["event:globus-radar-tension"], kind: "norwegian" },
  { query: "vardohus", expect: ["event:vardohus-fortress-1300"], kind: "norwegian" },
  { query: "stoere", expect: ["person:jonas-gahr-store"], kind: "norwegian" },
  { query: "Båtsfjord", expect: ["event:russian-ships-port-ban"], kind: "norwegian" },
  { query: "tromso", expect: ["event:russian-ships-port-ban"], kind: "norwegian" },
  // Cyrillic.
  { query: "Микушин", expect: ["person:mikhail-mikushin"], kind: "cyrillic" },
  { query: "Путин", expect: ["person:vladimir-putin"], kind: "cyrillic" },
  { query: "Павловский", expect: ["person:vyacheslav-pavlovsky"], kind: "cyrillic" },
  { query: "Мурманск", expect: ["event:embassies-and-consulates"], kind: "cyrillic" },
  // Sources.
  { query: "Sudesh Baniya", expect: ["person:sudesh-baniya"], kind: "source" },
  { query: "wikipedia", expect: ["source:wikipedia-norway-russia-relations"], kind: "source" },
];
