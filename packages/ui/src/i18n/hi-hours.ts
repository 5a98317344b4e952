import type { Messages } from "./en";
import type { enHours } from "./en-hours";

// Hindi strings of response promises: the agency's working hours and holidays, time left to respond, breaches. Part of `hi`.
export const hiHours: Pick<Messages, keyof typeof enHours> = {

};
