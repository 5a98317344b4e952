import type { Messages } from "./en";
import type { enHours } from "./en-hours";

// Greek strings of response promises: the agency's working hours and holidays, time left to respond, breaches. Part of `el`.
export const elHours: Pick<Messages, keyof typeof enHours> = {

};
