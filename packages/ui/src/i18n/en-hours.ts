// English strings of response promises: the agency's working hours and holidays, time left to respond, breaches. Part of `en`.
export const enHours = {

};
