package org.civitas.cases.ui.caseview;

import java.util.EnumSet;
import java.util.Set;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseRef;
import org.civitas.cases.lifecycle.CaseRequestService;
import org.civitas.cases.lifecycle.CaseService;

/** One service call per action the case view offers, with what the user entered in the action's dialog. */
final class CaseCommands {

    /** The actions the view has a dialog for; others (e.g. the sweep's own records) get no button. */
    static final Set<CaseAction> SUPPORTED = EnumSet.of(CaseAction.DISPATCH, CaseAction.REDISPATCH, CaseAction.SIGN,
            CaseAction.SUB_DISPATCH, CaseAction.REPLY, CaseAction.ACCEPT_REPLY, CaseAction.SEND_BACK,
            CaseAction.REQUEST_RETURN, CaseAction.APPROVE_RETURN, CaseAction.REJECT_RETURN,
            CaseAction.REQUEST_EXTENSION, CaseAction.APPROVE_EXTENSION, CaseAction.REJECT_EXTENSION, CaseAction.RATE,
            CaseAction.REOPEN, CaseAction.CLOSE, CaseAction.MERGE, CaseAction.INVALIDATE);

    private CaseCommands() {
    }

    static CaseDetails run(CaseService s, CaseRequestService r, CaseAction action, CaseRef ref,
                           CaseActionInput in) {
        return switch (action) {
            case DISPATCH -> s.classify(ref, in.itemCode(), in.districtCode(), in.streetCode());
            case REDISPATCH -> s.redispatch(ref, in.unitCode(), in.note());
            case SIGN -> s.sign(ref);
            case SUB_DISPATCH -> s.subDispatch(ref, in.unitCode());
            case REPLY -> s.reply(ref, in.outcome(), in.note(), in.photos());
            case ACCEPT_REPLY -> s.acceptReply(ref, in.note());
            case SEND_BACK -> s.sendBack(ref, in.note());
            case REQUEST_RETURN -> r.requestReturn(ref, in.note(), in.legalBasis());
            case APPROVE_RETURN -> r.decideReturn(ref, in.requestId(), true, in.unitCode(), in.note());
            case REJECT_RETURN -> r.decideReturn(ref, in.requestId(), false, null, in.note());
            case REQUEST_EXTENSION -> r.requestExtension(ref, in.note(), in.newDue());
            case APPROVE_EXTENSION -> r.decideExtension(ref, in.requestId(), true, in.note());
            case REJECT_EXTENSION -> r.decideExtension(ref, in.requestId(), false, in.note());
            case RATE -> s.rate(ref, in.rating(), in.solved(), in.note());
            case REOPEN -> s.reopen(ref, in.note());
            case CLOSE -> s.close(ref, in.note());
            case MERGE -> s.merge(ref, in.masterNumber());
            case INVALIDATE -> s.invalidate(ref, in.note());
            default -> throw new IllegalArgumentException("no dialog for " + action);
        };
    }
}
