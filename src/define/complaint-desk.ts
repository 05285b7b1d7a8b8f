import { SqComplaintDesk } from '../features/complaints/elements/complaint-desk/index.js';

// <sq-complaint-metrics> (the 三率 tab) is loaded and defined when the tab is first opened.
SqComplaintDesk.define();

export { SqComplaintDesk };
