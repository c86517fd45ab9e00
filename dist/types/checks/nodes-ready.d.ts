/** "kubectl get nodes (all Ready)": every node Ready, pressure conditions named, cordons noted. */
export declare const nodesReadyCheck: import("../core/check.js").Check;
