import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Common and guessable passwords (ASVS 2.1.7, issue 19 item 10). zxcvbn estimates how many
 * guesses a password takes against its lists of common passwords (the most used ones from
 * breaches), words, keyboard walks, dates and l33t substitutions: `Password@2024` and
 * `Qwerty123456!` pass the length-and-classes rule but fall within a few thousand guesses.
 * The account's own names count as guessable words too.
 */
zxcvbnOptions.setOptions({ dictionary, graphs: adjacencyGraphs });

/** zxcvbn's score 0–4; 3 means "safely unguessable" (about 10^8 guesses or more). */
export const MIN_PASSWORD_SCORE = 3;

export function isGuessable(password: string, ownWords: string[] = []): boolean {
  // zxcvbn's cost grows with length; past 64 characters a password is not guessable anyway.
  const probe = password.slice(0, 64);
  return zxcvbn(probe, ownWords.filter(Boolean)).score < MIN_PASSWORD_SCORE;
}
