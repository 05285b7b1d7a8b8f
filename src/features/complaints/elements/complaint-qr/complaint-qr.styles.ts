import { css } from 'lit';

export const qrStyles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
    --_size: var(--sq-complaint-qr-size, 14rem);
  }
  :host([printable]) {
    --_size: var(--sq-complaint-qr-size, 18rem);
  }
  .poster {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--sq-space-3);
    margin: 0;
    text-align: center;
  }
  :host([printable]) .poster {
    max-width: 36rem;
    margin-inline: auto;
    padding: var(--sq-space-5) var(--sq-space-4);
    border: 3px solid var(--sq-color-primary);
    border-radius: var(--sq-radius);
  }
  .title {
    margin: 0;
    font-size: var(--sq-font-size-key);
    color: var(--sq-color-primary);
  }
  /* Spaced out as a Chinese poster title is; Latin letters stay together. */
  .title:lang(zh) {
    letter-spacing: 0.1em;
  }
  p {
    margin: 0;
  }
  .qr {
    display: block;
    width: var(--_size);
    max-width: 100%;
    height: auto;
    aspect-ratio: 1;
  }
  .modules {
    fill: var(--sq-complaint-qr-dark, #000);
  }
  figcaption {
    display: flex;
    flex-direction: column;
    gap: var(--sq-space-1);
  }
  .caption {
    font-size: var(--sq-font-size-key);
    line-height: 1.3;
  }
  .place {
    font-size: var(--sq-font-size-heading);
    font-weight: 600;
    /* Lines break between levels (after a ·), not inside 3单元; a name wider than the line
       still wraps (overflow-wrap). */
    word-break: keep-all;
  }
  .place span {
    display: inline-block;
  }
  .category {
    color: var(--sq-color-text-muted);
  }
  .steps {
    margin: 0;
    padding-inline-start: 1.5em;
    text-align: start;
  }
  .promise {
    font-weight: 600;
  }
  .link {
    font-size: var(--sq-font-size-small);
    color: var(--sq-color-text-muted);
  }
  .print {
    display: block;
    margin: var(--sq-space-4) auto 0;
  }
  /* Boxes sit flush with what is above them here (messageStyles draws them). */
  .alert,
  .notice {
    margin: 0 0 var(--sq-space-3);
  }

  @media print {
    :host {
      color: #000;
      --sq-color-text-muted: #000;
    }
    .print,
    .alert button {
      display: none;
    }
    /* One poster per sheet: A4 (210 × 297 mm) or A5 (148 × 210 mm), less 12 mm margins. */
    :host([printable]) {
      break-inside: avoid;
      break-after: page;
      page-break-after: always;
    }
    :host([printable]) .poster {
      box-sizing: border-box;
      width: 186mm;
      max-width: none;
      min-height: 255mm;
      justify-content: space-around;
      gap: 4mm;
      padding: 12mm;
      border-width: 2mm;
      font-size: 16pt;
    }
    :host([printable]) .title {
      font-size: 40pt;
    }
    :host([printable]) .lead,
    :host([printable]) .place {
      font-size: 20pt;
    }
    :host([printable]) .caption {
      font-size: 32pt;
    }
    :host([printable]) .qr {
      width: 120mm;
    }
    :host([printable][paper='a5']) .poster {
      width: 124mm;
      min-height: 170mm;
      gap: 2.5mm;
      padding: 6mm;
      font-size: 11pt;
    }
    :host([printable][paper='a5']) .title {
      font-size: 24pt;
    }
    :host([printable][paper='a5']) .lead,
    :host([printable][paper='a5']) .place {
      font-size: 13pt;
    }
    :host([printable][paper='a5']) .caption {
      font-size: 22pt;
    }
    :host([printable][paper='a5']) .qr {
      width: 66mm;
    }
    .link {
      font-size: 9pt;
    }
  }
`;
