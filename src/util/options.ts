/** Reading node:util parseArgs values, which are typed string | boolean | undefined per option. */

/** A string option's value: the text given, or undefined when the option is absent (or a flag). */
export function textOption(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
