// The raw material of synthetic names. Russian names are in Cyrillic so each can be romanised
// several ways (see transliterate.ts). The most prominent real surnames in Norway–Russia
// relations are left out, so a synthetic record is never mistaken for a real person's.

import { words } from "./lists.ts";

export const RUSSIAN_MALE = words(`
  Александр Алексей Анатолий Андрей Аркадий Борис Валерий Василий Виктор Владимир
  Вячеслав Геннадий Георгий Григорий Дмитрий Евгений Иван Игорь Илья Кирилл
  Константин Леонид Максим Михаил Николай Олег Павел Пётр Роман Сергей
  Станислав Тимофей Фёдор Юрий Ярослав
`);

export const RUSSIAN_FEMALE = words(`
  Анастасия Анна Валентина Вера Галина Дарья Евгения Екатерина Елена Жанна
  Зоя Ирина Ксения Любовь Людмила Мария Наталья Нина Ольга Светлана
  Софья Татьяна Юлия Яна
`);

/** Patronymic stems: a father's name plus -ич for a son, -на for a daughter. */
export const PATRONYMIC_STEMS = words(`
  Александров Алексеев Анатольев Андреев Борисов Викторов Владимиров Геннадьев
  Григорьев Дмитриев Евгеньев Иванов Михайлов Николаев Олегов Павлов Петров
  Сергеев Фёдоров Юрьев
`);

/** Masculine forms; feminine ones follow from the grammar (see names.ts). */
export const RUSSIAN_SURNAMES = words(`
  Баранов Белов Богданов Быков Вишневский Воробьёв Голубев Громов Дьяконов Ермаков
  Ершов Жданов Жуков Зайцев Захаров Зиновьев Калинин Козлов Королёв Кузнецов
  Лебедев Лихачёв Мещеряков Морозов Нестеров Новиков Орлов Павловский Попов Пушкарёв
  Рожков Рыжков Семёнов Сидоров Смирнов Соколов Степанов Тарасов Тихонов Троицкий
  Трубецкой Уваров Успенский Филатов Хабаров Харитонов Хохлов Цветков Цыганков Чайковский
  Чернов Черных Шаповалов Шевченко Шилов Шувалов Щербаков Щукин Юдин Юсупов
  Яковлев Якушев Ястребов Вяземский Жеребцов Хмелёв Юровский Щеглов
`);

export const NORWEGIAN_MALE = words(`
  Anders Arne Åsmund Bjørn Eirik Erlend Espen Geir Håkon Halvard
  Henrik Ivar Jørgen Kåre Kjetil Knut Lars Magnus Odd Olav
  Øystein Øyvind Pål Per Ragnar Sigurd Sindre Ståle Sverre Terje
  Torbjørn Trond Vegard
`);

export const NORWEGIAN_FEMALE = words(`
  Anne Åse Åshild Astrid Berit Bodil Dagny Eli Gro Gunnhild
  Guri Hege Hilde Ingrid Ingvild Kari Kirsti Liv Maren Marit
  Mette Ragnhild Randi Sigrid Siri Solveig Synnøve Tone Tove Turid
  Unni Vigdis
`);

export const NORWEGIAN_SURNAMES = words(`
  Aasen Ådland Åmodt Andersen Åsheim Bakke Berg Bjørnstad Bøe Bråten
  Brænne Dahl Dæhli Eriksen Fjær Fjeld Grøndahl Grønvold Hågensen Hansen
  Haugen Holm Jæger Jakobsen Johansen Kjær Knutsen Kristiansen Larsen Lie
  Løvås Lund Mæland Moen Myhre Næss Nilsen Nygård Ødegård Øien
  Olsen Ørnes Østby Pedersen Ræder Rønning Sæbø Sæther Sandvik Solheim
  Sørensen Strand Strøm Tangen Thorsen Torgersen Tveit Ulvestad Vågen Vestbø
  Vik
`);

/** Northern Sami names, with the letters (á, č, đ, š) that plain ASCII loses. */
export const SAMI_GIVEN = words(`
  Áile Ánde Biret Elle Juhán Máret Mihkkal Niillas Ovllá Ristin Sárá Čáhppes
`);

export const SAMI_SURNAMES = words(`
  Aikio Bongo Buljo Eira Gaup Hætta Mienna Oskal Somby Utsi Áidejávri Đuommá
`);
