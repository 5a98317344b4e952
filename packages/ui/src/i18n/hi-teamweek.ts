import type { Messages } from "./en";
import type { enTeamWeek } from "./en-teamweek";

// Hindi strings of the owner's team week on the Time page (issue 22 item 7). Part of `hi`.
export const hiTeamWeek: Pick<Messages, keyof typeof enTeamWeek> = {
  "teamWeek.intro": "इस सप्ताह हर व्यक्ति के घंटे उसकी क्षमता के सामने, सोमवार से रविवार उसके अपने टाइम ज़ोन में। किसी का सप्ताह खोलने के लिए उसका नाम चुनें।",
  "teamWeek.weeks": "सप्ताह",
  "teamWeek.totals": "टीम: {capacity} में से {logged}",
  "teamWeek.empty": "टीम में अभी कोई नहीं है",
  "teamWeek.caption": "इस सप्ताह प्रति व्यक्ति घंटे",
  "teamWeek.capacity": "क्षमता",
  "teamWeek.share": "क्षमता का",
  "teamWeek.percent": "{percent}%",
  "teamWeek.state": "टाइमशीट",
  "teamWeek.state.empty": "कुछ दर्ज नहीं",
  "teamWeek.state.open": "जमा नहीं हुआ",
  "teamWeek.state.returned": "लौटाया गया",
  "teamWeek.state.submitted": "समीक्षा की प्रतीक्षा में",
  "teamWeek.state.approved": "स्वीकृत",
  "teamWeek.you": "{name} (आप)",
  "teamWeek.overview": "टीम का सारांश",
  "teamWeek.myWeek": "मेरा सप्ताह",
};
