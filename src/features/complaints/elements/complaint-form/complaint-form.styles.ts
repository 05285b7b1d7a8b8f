import { css } from 'lit';

/** Terse on purpose (kept out of Prettier): element CSS ships unminified inside the JS. */
// prettier-ignore
export const formStyles = css`
:host{display:block;max-width:var(--sq-complaint-form-max-width,44rem)}
form{display:grid;grid-template-columns:minmax(0,1fr);gap:var(--sq-complaint-form-gap,var(--sq-space-4))}
h2{margin:0;font-size:var(--sq-font-size-heading);line-height:1.3}
h3{margin:0;font-size:inherit}
p{margin:0}
.row{display:flex;flex-wrap:wrap;column-gap:var(--sq-space-4)}
.primary{justify-self:start;padding:0 var(--sq-space-5)}
[part=submit]{justify-self:stretch}
/* Empty, the live region takes no room but stays in the accessibility tree (display:none would drop it, and its next message may go unannounced). */
.status:empty{position:absolute}
/* The place is one field of the form here: its title as big as the other labels (its styles come later, hence "form"). */
form .place legend{font-size:inherit}
`;
