// English strings of feedback surveys: the owner's satisfaction page and the client's survey page. Part of `en`.
export const enSurveys = {
  "nav.satisfaction": "Satisfaction",
};
