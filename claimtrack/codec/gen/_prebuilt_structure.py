"""Written by ``python -m claimtrack.codec.gen --write``: do not edit.

The fast structure hooks of ``claimtrack.codec.gen.structure``, generated ahead of
time so that a load needs neither type hints nor ``compile``: ``gen.prebuilt`` uses
each while it matches; ``tests/test_codec_prebuilt.py`` fails when it is stale.
"""

from typing import Any

from claimtrack.lifecycle import ClaimStatus, CommitmentStatus
from claimtrack.model import Actor, Agreement, Check, Claim, ClaimRelation, Commitment, CommitmentRelation, Correction, Event, Evidence, Measure, Progress, ProgressCorrection, Source, StatusChange, TextQuote


def _Source(absent, allowed, cls, default10, default11, default3, default4, default5, default6, default7, default8, default9, dict, hint10, hint5, int, known, leaf10, leaf5, list, members2, members8, new, raw2, raw8, refuse, set0, set1, set10, set11, set2, set3, set4, set5, set6, set7, set8, set9, share, str, tally, text5, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['id']
        if type(v0) is not str:
            refuse()
        known[v0] = v0
        v1 = o['title']
        if type(v1) is not str:
            refuse()
        v2 = o['kind']
        if type(v2) is not raw2:
            refuse()
        v2 = members2[v2]
        v3 = o.get('publisher')
        if v3 is not None:
            if type(v3) is not str:
                refuse()
        v4 = o.get('author')
        if v4 is not None:
            if type(v4) is not str:
                refuse()
        v5 = o.get('published')
        if v5 is not None:
            if type(v5) is str:
                v5 = text5(v5)
            else:
                v5 = leaf5(v5, hint5)
        v6 = o.get('url')
        if v6 is not None:
            if type(v6) is not str:
                refuse()
        v7 = o.get('language')
        if v7 is not None:
            if type(v7) is not str:
                refuse()
        v8 = o.get('reliability')
        if v8 is not None:
            if type(v8) is not raw8:
                refuse()
            v8 = members8[v8]
        v9 = o.get('text')
        if v9 is not None:
            if type(v9) is not str:
                refuse()
        v10 = o.get('excerpt', absent)
        if v10 is absent:
            v10 = default10
        else:
            v10 = leaf10(v10, hint10)
        v11 = o.get('note')
        if v11 is not None:
            if type(v11) is not str:
                refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        set4(self, v4)
        set5(self, v5)
        set6(self, v6)
        set7(self, v7)
        set8(self, v8)
        set9(self, v9)
        set10(self, v10)
        set11(self, v11)
        return self
    return structure


def _Actor(absent, allowed, cls, default3, default4, default5, default6, dict, int, known, list, members2, new, raw2, refuse, set0, set1, set2, set3, set4, set5, set6, share, str, tally, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['id']
        if type(v0) is not str:
            refuse()
        known[v0] = v0
        v1 = o['name']
        if type(v1) is not str:
            refuse()
        v2 = o['kind']
        if type(v2) is not raw2:
            refuse()
        v2 = members2[v2]
        v3 = o.get('aliases', absent)
        if v3 is absent:
            v3 = default3
        else:
            if type(v3) is not list:
                refuse()
            for item in v3:
                if type(item) is not str:
                    refuse()
            v3 = tuple(v3)
        v4 = o.get('role')
        if v4 is not None:
            if type(v4) is not str:
                refuse()
        v5 = o.get('affiliation')
        if v5 is not None:
            if type(v5) is not str:
                refuse()
            v5 = share(v5, v5)
        v6 = o.get('note')
        if v6 is not None:
            if type(v6) is not str:
                refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        set4(self, v4)
        set5(self, v5)
        set6(self, v6)
        return self
    return structure


def _Event(absent, allowed, cls, default3, default4, default5, default6, default7, default8, default9, dict, hint3, hint4, int, known, leaf3, leaf4, list, members2, new, raw2, refuse, set0, set1, set2, set3, set4, set5, set6, set7, set8, set9, share, str, tally, text3, text4, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['id']
        if type(v0) is not str:
            refuse()
        known[v0] = v0
        v1 = o['title']
        if type(v1) is not str:
            refuse()
        v2 = o['kind']
        if type(v2) is not raw2:
            refuse()
        v2 = members2[v2]
        v3 = o.get('date')
        if v3 is not None:
            if type(v3) is str:
                v3 = text3(v3)
            else:
                v3 = leaf3(v3, hint3)
        v4 = o.get('end')
        if v4 is not None:
            if type(v4) is str:
                v4 = text4(v4)
            else:
                v4 = leaf4(v4, hint4)
        v5 = o.get('place')
        if v5 is not None:
            if type(v5) is not str:
                refuse()
        v6 = o.get('participants', absent)
        if v6 is absent:
            v6 = default6
        else:
            if type(v6) is not list:
                refuse()
            for item in v6:
                if type(item) is not str:
                    refuse()
            v6 = tuple([share(item, item) for item in v6])
        v7 = o.get('part_of')
        if v7 is not None:
            if type(v7) is not str:
                refuse()
            v7 = share(v7, v7)
        v8 = o.get('evidence', absent)
        if v8 is absent:
            v8 = default8
        else:
            if type(v8) is not list:
                refuse()
            for item in v8:
                if type(item) is not str:
                    refuse()
            v8 = tuple(v8)
        v9 = o.get('note')
        if v9 is not None:
            if type(v9) is not str:
                refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        set4(self, v4)
        set5(self, v5)
        set6(self, v6)
        set7(self, v7)
        set8(self, v8)
        set9(self, v9)
        return self
    return structure


def _Agreement(absent, allowed, cls, default3, default4, default5, default6, default7, dict, hint4, int, known, leaf4, list, members2, new, raw2, refuse, set0, set1, set2, set3, set4, set5, set6, set7, share, str, tally, text4, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['id']
        if type(v0) is not str:
            refuse()
        known[v0] = v0
        v1 = o['title']
        if type(v1) is not str:
            refuse()
        v2 = o['kind']
        if type(v2) is not raw2:
            refuse()
        v2 = members2[v2]
        v3 = o.get('parties', absent)
        if v3 is absent:
            v3 = default3
        else:
            if type(v3) is not list:
                refuse()
            for item in v3:
                if type(item) is not str:
                    refuse()
            v3 = tuple([share(item, item) for item in v3])
        v4 = o.get('date')
        if v4 is not None:
            if type(v4) is str:
                v4 = text4(v4)
            else:
                v4 = leaf4(v4, hint4)
        v5 = o.get('event')
        if v5 is not None:
            if type(v5) is not str:
                refuse()
            v5 = share(v5, v5)
        v6 = o.get('evidence', absent)
        if v6 is absent:
            v6 = default6
        else:
            if type(v6) is not list:
                refuse()
            for item in v6:
                if type(item) is not str:
                    refuse()
            v6 = tuple(v6)
        v7 = o.get('note')
        if v7 is not None:
            if type(v7) is not str:
                refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        set4(self, v4)
        set5(self, v5)
        set6(self, v6)
        set7(self, v7)
        return self
    return structure


def _Measure(absent, allowed, cls, default2, dict, hint0, int, known, leaf0, list, new, refuse, set0, set1, set2, share, str, tally, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['value']
        v0 = leaf0(v0, hint0)
        v1 = o['unit']
        if type(v1) is not str:
            refuse()
        v2 = o.get('description')
        if v2 is not None:
            if type(v2) is not str:
                refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        return self
    return structure


def _Check(absent, allowed, cls, default0, default3, default4, dict, hint1, int, known, leaf1, list, new, refuse, set0, set1, set2, set3, set4, share, str, tally, text1, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o.get('by')
        if v0 is not None:
            if type(v0) is not str:
                refuse()
        v1 = o['on']
        if type(v1) is str:
            v1 = text1(v1)
        else:
            v1 = leaf1(v1, hint1)
        v2 = o['searched']
        if type(v2) is not str:
            refuse()
        v3 = o.get('sought')
        if v3 is not None:
            if type(v3) is not str:
                refuse()
        v4 = o.get('note')
        if v4 is not None:
            if type(v4) is not str:
                refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        set4(self, v4)
        return self
    return structure


def _StatusChange_CommitmentStatus(absent, allowed, cls, default0, default3, default4, default5, default6, dict, hint1, int, known, leaf1, list, members2, nested4, nested6, new, raw2, refuse, set0, set1, set2, set3, set4, set5, set6, share, str, tally, text1, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o.get('id')
        if v0 is not None:
            if type(v0) is not str:
                refuse()
        v1 = o['date']
        if type(v1) is str:
            v1 = text1(v1)
        else:
            v1 = leaf1(v1, hint1)
        v2 = o['status']
        if type(v2) is not raw2:
            refuse()
        v2 = members2[v2]
        v3 = o.get('evidence', absent)
        if v3 is absent:
            v3 = default3
        else:
            if type(v3) is not list:
                refuse()
            for item in v3:
                if type(item) is not str:
                    refuse()
            v3 = tuple(v3)
        v4 = o.get('progress')
        if v4 is not None:
            v4 = nested4(v4, None)
        v5 = o.get('note')
        if v5 is not None:
            if type(v5) is not str:
                refuse()
        v6 = o.get('check')
        if v6 is not None:
            v6 = nested6(v6, None)
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        set4(self, v4)
        set5(self, v5)
        set6(self, v6)
        return self
    return structure


def _Progress(absent, allowed, cls, default0, default3, default5, default6, default7, dict, hint1, hint2, hint3, int, known, leaf1, leaf2, leaf3, list, nested6, new, refuse, set0, set1, set2, set3, set4, set5, set6, set7, share, str, tally, text1, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o.get('id')
        if v0 is not None:
            if type(v0) is not str:
                refuse()
        v1 = o['date']
        if type(v1) is str:
            v1 = text1(v1)
        else:
            v1 = leaf1(v1, hint1)
        v2 = o['value']
        v2 = leaf2(v2, hint2)
        v3 = o.get('of')
        if v3 is not None:
            v3 = leaf3(v3, hint3)
        v4 = o['unit']
        if type(v4) is not str:
            refuse()
        v5 = o.get('evidence', absent)
        if v5 is absent:
            v5 = default5
        else:
            if type(v5) is not list:
                refuse()
            for item in v5:
                if type(item) is not str:
                    refuse()
            v5 = tuple(v5)
        v6 = o.get('check')
        if v6 is not None:
            v6 = nested6(v6, None)
        v7 = o.get('note')
        if v7 is not None:
            if type(v7) is not str:
                refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        set4(self, v4)
        set5(self, v5)
        set6(self, v6)
        set7(self, v7)
        return self
    return structure


def _Correction_CommitmentStatus(absent, allowed, cls, default3, dict, hint0, int, known, leaf0, list, nested2, new, refuse, set0, set1, set2, set3, share, str, tally, text0, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['on']
        if type(v0) is str:
            v0 = text0(v0)
        else:
            v0 = leaf0(v0, hint0)
        v1 = o['reason']
        if type(v1) is not str:
            refuse()
        v2 = o['superseded']
        v2 = nested2(v2, None)
        v3 = o.get('replacement')
        if v3 is not None:
            if type(v3) is not str:
                refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        return self
    return structure


def _ProgressCorrection(absent, allowed, cls, default3, dict, hint0, int, known, leaf0, list, nested2, new, refuse, set0, set1, set2, set3, share, str, tally, text0, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['on']
        if type(v0) is str:
            v0 = text0(v0)
        else:
            v0 = leaf0(v0, hint0)
        v1 = o['reason']
        if type(v1) is not str:
            refuse()
        v2 = o['superseded']
        v2 = nested2(v2, None)
        v3 = o.get('replacement')
        if v3 is not None:
            if type(v3) is not str:
                refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        return self
    return structure


def _CommitmentRelation(absent, allowed, cls, dict, int, known, list, members0, new, raw0, refuse, set0, set1, share, str, tally, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['kind']
        if type(v0) is not raw0:
            refuse()
        v0 = members0[v0]
        v1 = o['target']
        if type(v1) is not str:
            refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        return self
    return structure


def _Commitment(absent, allowed, cls, default10, default11, default12, default13, default14, default15, default3, default4, default5, default6, default7, default9, dict, element10, element11, element13, element8, element9, hint15, hint6, int, known, leaf15, leaf6, list, nested7, new, refuse, set0, set1, set10, set11, set12, set13, set14, set15, set2, set3, set4, set5, set6, set7, set8, set9, share, str, tally, text15, text6, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['id']
        if type(v0) is not str:
            refuse()
        v1 = o['text']
        if type(v1) is not str:
            refuse()
        v2 = o['category']
        if type(v2) is not str:
            refuse()
        v3 = o.get('agreement')
        if v3 is not None:
            if type(v3) is not str:
                refuse()
            v3 = share(v3, v3)
        v4 = o.get('obligors', absent)
        if v4 is absent:
            v4 = default4
        else:
            if type(v4) is not list:
                refuse()
            for item in v4:
                if type(item) is not str:
                    refuse()
            v4 = tuple([share(item, item) for item in v4])
        v5 = o.get('beneficiaries', absent)
        if v5 is absent:
            v5 = default5
        else:
            if type(v5) is not list:
                refuse()
            for item in v5:
                if type(item) is not str:
                    refuse()
            v5 = tuple([share(item, item) for item in v5])
        v6 = o.get('due')
        if v6 is not None:
            if type(v6) is str:
                v6 = text6(v6)
            else:
                v6 = leaf6(v6, hint6)
        v7 = o.get('target')
        if v7 is not None:
            v7 = nested7(v7, None)
        v8 = o['history']
        if type(v8) is not list:
            refuse()
        v8 = tuple([element8(item) for item in v8])
        v9 = o.get('progress', absent)
        if v9 is absent:
            v9 = default9
        else:
            if type(v9) is not list:
                refuse()
            v9 = tuple([element9(item) for item in v9])
        v10 = o.get('corrections', absent)
        if v10 is absent:
            v10 = default10
        else:
            if type(v10) is not list:
                refuse()
            v10 = tuple([element10(item) for item in v10])
        v11 = o.get('progress_corrections', absent)
        if v11 is absent:
            v11 = default11
        else:
            if type(v11) is not list:
                refuse()
            v11 = tuple([element11(item) for item in v11])
        v12 = o.get('evidence', absent)
        if v12 is absent:
            v12 = default12
        else:
            if type(v12) is not list:
                refuse()
            for item in v12:
                if type(item) is not str:
                    refuse()
            v12 = tuple(v12)
        v13 = o.get('relations', absent)
        if v13 is absent:
            v13 = default13
        else:
            if type(v13) is not list:
                refuse()
            v13 = tuple([element13(item) for item in v13])
        v14 = o.get('note')
        if v14 is not None:
            if type(v14) is not str:
                refuse()
        v15 = o.get('untracked')
        if v15 is not None:
            if type(v15) is str:
                v15 = text15(v15)
            else:
                v15 = leaf15(v15, hint15)
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        set4(self, v4)
        set5(self, v5)
        set6(self, v6)
        set7(self, v7)
        set8(self, v8)
        set9(self, v9)
        set10(self, v10)
        set11(self, v11)
        set12(self, v12)
        set13(self, v13)
        set14(self, v14)
        set15(self, v15)
        return self
    return structure


def _StatusChange_ClaimStatus(absent, allowed, cls, default0, default3, default4, default5, default6, dict, hint1, int, known, leaf1, list, members2, nested4, nested6, new, raw2, refuse, set0, set1, set2, set3, set4, set5, set6, share, str, tally, text1, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o.get('id')
        if v0 is not None:
            if type(v0) is not str:
                refuse()
        v1 = o['date']
        if type(v1) is str:
            v1 = text1(v1)
        else:
            v1 = leaf1(v1, hint1)
        v2 = o['status']
        if type(v2) is not raw2:
            refuse()
        v2 = members2[v2]
        v3 = o.get('evidence', absent)
        if v3 is absent:
            v3 = default3
        else:
            if type(v3) is not list:
                refuse()
            for item in v3:
                if type(item) is not str:
                    refuse()
            v3 = tuple(v3)
        v4 = o.get('progress')
        if v4 is not None:
            v4 = nested4(v4, None)
        v5 = o.get('note')
        if v5 is not None:
            if type(v5) is not str:
                refuse()
        v6 = o.get('check')
        if v6 is not None:
            v6 = nested6(v6, None)
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        set4(self, v4)
        set5(self, v5)
        set6(self, v6)
        return self
    return structure


def _Correction_ClaimStatus(absent, allowed, cls, default3, dict, hint0, int, known, leaf0, list, nested2, new, refuse, set0, set1, set2, set3, share, str, tally, text0, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['on']
        if type(v0) is str:
            v0 = text0(v0)
        else:
            v0 = leaf0(v0, hint0)
        v1 = o['reason']
        if type(v1) is not str:
            refuse()
        v2 = o['superseded']
        v2 = nested2(v2, None)
        v3 = o.get('replacement')
        if v3 is not None:
            if type(v3) is not str:
                refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        return self
    return structure


def _ClaimRelation(absent, allowed, cls, dict, int, known, list, members0, new, raw0, refuse, set0, set1, share, str, tally, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['kind']
        if type(v0) is not raw0:
            refuse()
        v0 = members0[v0]
        v1 = o['target']
        if type(v1) is not str:
            refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        return self
    return structure


def _Claim(absent, allowed, cls, default10, default3, default4, default6, default7, default8, default9, dict, element5, element6, element8, hint10, int, known, leaf10, list, members2, new, raw2, refuse, set0, set1, set10, set2, set3, set4, set5, set6, set7, set8, set9, share, str, tally, text10, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['id']
        if type(v0) is not str:
            refuse()
        v1 = o['text']
        if type(v1) is not str:
            refuse()
        v2 = o['kind']
        if type(v2) is not raw2:
            refuse()
        v2 = members2[v2]
        v3 = o.get('claimants', absent)
        if v3 is absent:
            v3 = default3
        else:
            if type(v3) is not list:
                refuse()
            for item in v3:
                if type(item) is not str:
                    refuse()
            v3 = tuple([share(item, item) for item in v3])
        v4 = o.get('subjects', absent)
        if v4 is absent:
            v4 = default4
        else:
            if type(v4) is not list:
                refuse()
            for item in v4:
                if type(item) is not str:
                    refuse()
            v4 = tuple([share(item, item) for item in v4])
        v5 = o['history']
        if type(v5) is not list:
            refuse()
        v5 = tuple([element5(item) for item in v5])
        v6 = o.get('corrections', absent)
        if v6 is absent:
            v6 = default6
        else:
            if type(v6) is not list:
                refuse()
            v6 = tuple([element6(item) for item in v6])
        v7 = o.get('evidence', absent)
        if v7 is absent:
            v7 = default7
        else:
            if type(v7) is not list:
                refuse()
            for item in v7:
                if type(item) is not str:
                    refuse()
            v7 = tuple(v7)
        v8 = o.get('relations', absent)
        if v8 is absent:
            v8 = default8
        else:
            if type(v8) is not list:
                refuse()
            v8 = tuple([element8(item) for item in v8])
        v9 = o.get('note')
        if v9 is not None:
            if type(v9) is not str:
                refuse()
        v10 = o.get('untracked')
        if v10 is not None:
            if type(v10) is str:
                v10 = text10(v10)
            else:
                v10 = leaf10(v10, hint10)
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        set4(self, v4)
        set5(self, v5)
        set6(self, v6)
        set7(self, v7)
        set8(self, v8)
        set9(self, v9)
        set10(self, v10)
        return self
    return structure


def _TextQuote(absent, allowed, cls, default1, default2, dict, int, known, list, new, refuse, set0, set1, set2, share, str, tally, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['exact']
        if type(v0) is not str:
            refuse()
        v1 = o.get('prefix')
        if v1 is not None:
            if type(v1) is not str:
                refuse()
        v2 = o.get('suffix')
        if v2 is not None:
            if type(v2) is not str:
                refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        return self
    return structure


def _Evidence(absent, allowed, cls, default2, default4, default5, default6, default7, dict, int, known, list, members3, members4, nested2, new, raw3, raw4, refuse, set0, set1, set2, set3, set4, set5, set6, set7, share, str, tally, tuple):
    def structure(o, _=None):
        if type(o) is not dict or not o.keys() <= allowed:
            refuse()
        tally[0] += len(o)
        v0 = o['id']
        if type(v0) is not str:
            refuse()
        v1 = o['source']
        if type(v1) is not str:
            refuse()
        v1 = share(v1, v1)
        v2 = o.get('quote')
        if v2 is not None:
            v2 = nested2(v2, None)
        v3 = o['stance']
        if type(v3) is not raw3:
            refuse()
        v3 = members3[v3]
        v4 = o.get('credibility')
        if v4 is not None:
            if type(v4) is not raw4:
                refuse()
            v4 = members4[v4]
        v5 = o.get('translation')
        if v5 is not None:
            if type(v5) is not str:
                refuse()
        v6 = o.get('translator')
        if v6 is not None:
            if type(v6) is not str:
                refuse()
        v7 = o.get('note')
        if v7 is not None:
            if type(v7) is not str:
                refuse()
        self = new(cls)
        set0(self, v0)
        set1(self, v1)
        set2(self, v2)
        set3(self, v3)
        set4(self, v4)
        set5(self, v5)
        set6(self, v6)
        set7(self, v7)
        return self
    return structure


#: Per record type: the factory of its hook, and the factory's text (compared at run
#: time with the generator's).
HOOKS: dict[Any, Any] = {
    Source: (_Source, "def _Source(absent, allowed, cls, default10, default11, default3, default4, default5, default6, default7, default8, default9, dict, hint10, hint5, int, known, leaf10, leaf5, list, members2, members8, new, raw2, raw8, refuse, set0, set1, set10, set11, set2, set3, set4, set5, set6, set7, set8, set9, share, str, tally, text5, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['id']\n        if type(v0) is not str:\n            refuse()\n        known[v0] = v0\n        v1 = o['title']\n        if type(v1) is not str:\n            refuse()\n        v2 = o['kind']\n        if type(v2) is not raw2:\n            refuse()\n        v2 = members2[v2]\n        v3 = o.get('publisher')\n        if v3 is not None:\n            if type(v3) is not str:\n                refuse()\n        v4 = o.get('author')\n        if v4 is not None:\n            if type(v4) is not str:\n                refuse()\n        v5 = o.get('published')\n        if v5 is not None:\n            if type(v5) is str:\n                v5 = text5(v5)\n            else:\n                v5 = leaf5(v5, hint5)\n        v6 = o.get('url')\n        if v6 is not None:\n            if type(v6) is not str:\n                refuse()\n        v7 = o.get('language')\n        if v7 is not None:\n            if type(v7) is not str:\n                refuse()\n        v8 = o.get('reliability')\n        if v8 is not None:\n            if type(v8) is not raw8:\n                refuse()\n            v8 = members8[v8]\n        v9 = o.get('text')\n        if v9 is not None:\n            if type(v9) is not str:\n                refuse()\n        v10 = o.get('excerpt', absent)\n        if v10 is absent:\n            v10 = default10\n        else:\n            v10 = leaf10(v10, hint10)\n        v11 = o.get('note')\n        if v11 is not None:\n            if type(v11) is not str:\n                refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        set4(self, v4)\n        set5(self, v5)\n        set6(self, v6)\n        set7(self, v7)\n        set8(self, v8)\n        set9(self, v9)\n        set10(self, v10)\n        set11(self, v11)\n        return self\n    return structure\n"),
    Actor: (_Actor, "def _Actor(absent, allowed, cls, default3, default4, default5, default6, dict, int, known, list, members2, new, raw2, refuse, set0, set1, set2, set3, set4, set5, set6, share, str, tally, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['id']\n        if type(v0) is not str:\n            refuse()\n        known[v0] = v0\n        v1 = o['name']\n        if type(v1) is not str:\n            refuse()\n        v2 = o['kind']\n        if type(v2) is not raw2:\n            refuse()\n        v2 = members2[v2]\n        v3 = o.get('aliases', absent)\n        if v3 is absent:\n            v3 = default3\n        else:\n            if type(v3) is not list:\n                refuse()\n            for item in v3:\n                if type(item) is not str:\n                    refuse()\n            v3 = tuple(v3)\n        v4 = o.get('role')\n        if v4 is not None:\n            if type(v4) is not str:\n                refuse()\n        v5 = o.get('affiliation')\n        if v5 is not None:\n            if type(v5) is not str:\n                refuse()\n            v5 = share(v5, v5)\n        v6 = o.get('note')\n        if v6 is not None:\n            if type(v6) is not str:\n                refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        set4(self, v4)\n        set5(self, v5)\n        set6(self, v6)\n        return self\n    return structure\n"),
    Event: (_Event, "def _Event(absent, allowed, cls, default3, default4, default5, default6, default7, default8, default9, dict, hint3, hint4, int, known, leaf3, leaf4, list, members2, new, raw2, refuse, set0, set1, set2, set3, set4, set5, set6, set7, set8, set9, share, str, tally, text3, text4, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['id']\n        if type(v0) is not str:\n            refuse()\n        known[v0] = v0\n        v1 = o['title']\n        if type(v1) is not str:\n            refuse()\n        v2 = o['kind']\n        if type(v2) is not raw2:\n            refuse()\n        v2 = members2[v2]\n        v3 = o.get('date')\n        if v3 is not None:\n            if type(v3) is str:\n                v3 = text3(v3)\n            else:\n                v3 = leaf3(v3, hint3)\n        v4 = o.get('end')\n        if v4 is not None:\n            if type(v4) is str:\n                v4 = text4(v4)\n            else:\n                v4 = leaf4(v4, hint4)\n        v5 = o.get('place')\n        if v5 is not None:\n            if type(v5) is not str:\n                refuse()\n        v6 = o.get('participants', absent)\n        if v6 is absent:\n            v6 = default6\n        else:\n            if type(v6) is not list:\n                refuse()\n            for item in v6:\n                if type(item) is not str:\n                    refuse()\n            v6 = tuple([share(item, item) for item in v6])\n        v7 = o.get('part_of')\n        if v7 is not None:\n            if type(v7) is not str:\n                refuse()\n            v7 = share(v7, v7)\n        v8 = o.get('evidence', absent)\n        if v8 is absent:\n            v8 = default8\n        else:\n            if type(v8) is not list:\n                refuse()\n            for item in v8:\n                if type(item) is not str:\n                    refuse()\n            v8 = tuple(v8)\n        v9 = o.get('note')\n        if v9 is not None:\n            if type(v9) is not str:\n                refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        set4(self, v4)\n        set5(self, v5)\n        set6(self, v6)\n        set7(self, v7)\n        set8(self, v8)\n        set9(self, v9)\n        return self\n    return structure\n"),
    Agreement: (_Agreement, "def _Agreement(absent, allowed, cls, default3, default4, default5, default6, default7, dict, hint4, int, known, leaf4, list, members2, new, raw2, refuse, set0, set1, set2, set3, set4, set5, set6, set7, share, str, tally, text4, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['id']\n        if type(v0) is not str:\n            refuse()\n        known[v0] = v0\n        v1 = o['title']\n        if type(v1) is not str:\n            refuse()\n        v2 = o['kind']\n        if type(v2) is not raw2:\n            refuse()\n        v2 = members2[v2]\n        v3 = o.get('parties', absent)\n        if v3 is absent:\n            v3 = default3\n        else:\n            if type(v3) is not list:\n                refuse()\n            for item in v3:\n                if type(item) is not str:\n                    refuse()\n            v3 = tuple([share(item, item) for item in v3])\n        v4 = o.get('date')\n        if v4 is not None:\n            if type(v4) is str:\n                v4 = text4(v4)\n            else:\n                v4 = leaf4(v4, hint4)\n        v5 = o.get('event')\n        if v5 is not None:\n            if type(v5) is not str:\n                refuse()\n            v5 = share(v5, v5)\n        v6 = o.get('evidence', absent)\n        if v6 is absent:\n            v6 = default6\n        else:\n            if type(v6) is not list:\n                refuse()\n            for item in v6:\n                if type(item) is not str:\n                    refuse()\n            v6 = tuple(v6)\n        v7 = o.get('note')\n        if v7 is not None:\n            if type(v7) is not str:\n                refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        set4(self, v4)\n        set5(self, v5)\n        set6(self, v6)\n        set7(self, v7)\n        return self\n    return structure\n"),
    Measure: (_Measure, "def _Measure(absent, allowed, cls, default2, dict, hint0, int, known, leaf0, list, new, refuse, set0, set1, set2, share, str, tally, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['value']\n        v0 = leaf0(v0, hint0)\n        v1 = o['unit']\n        if type(v1) is not str:\n            refuse()\n        v2 = o.get('description')\n        if v2 is not None:\n            if type(v2) is not str:\n                refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        return self\n    return structure\n"),
    Check: (_Check, "def _Check(absent, allowed, cls, default0, default3, default4, dict, hint1, int, known, leaf1, list, new, refuse, set0, set1, set2, set3, set4, share, str, tally, text1, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o.get('by')\n        if v0 is not None:\n            if type(v0) is not str:\n                refuse()\n        v1 = o['on']\n        if type(v1) is str:\n            v1 = text1(v1)\n        else:\n            v1 = leaf1(v1, hint1)\n        v2 = o['searched']\n        if type(v2) is not str:\n            refuse()\n        v3 = o.get('sought')\n        if v3 is not None:\n            if type(v3) is not str:\n                refuse()\n        v4 = o.get('note')\n        if v4 is not None:\n            if type(v4) is not str:\n                refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        set4(self, v4)\n        return self\n    return structure\n"),
    StatusChange[CommitmentStatus]: (_StatusChange_CommitmentStatus, "def _StatusChange_CommitmentStatus(absent, allowed, cls, default0, default3, default4, default5, default6, dict, hint1, int, known, leaf1, list, members2, nested4, nested6, new, raw2, refuse, set0, set1, set2, set3, set4, set5, set6, share, str, tally, text1, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o.get('id')\n        if v0 is not None:\n            if type(v0) is not str:\n                refuse()\n        v1 = o['date']\n        if type(v1) is str:\n            v1 = text1(v1)\n        else:\n            v1 = leaf1(v1, hint1)\n        v2 = o['status']\n        if type(v2) is not raw2:\n            refuse()\n        v2 = members2[v2]\n        v3 = o.get('evidence', absent)\n        if v3 is absent:\n            v3 = default3\n        else:\n            if type(v3) is not list:\n                refuse()\n            for item in v3:\n                if type(item) is not str:\n                    refuse()\n            v3 = tuple(v3)\n        v4 = o.get('progress')\n        if v4 is not None:\n            v4 = nested4(v4, None)\n        v5 = o.get('note')\n        if v5 is not None:\n            if type(v5) is not str:\n                refuse()\n        v6 = o.get('check')\n        if v6 is not None:\n            v6 = nested6(v6, None)\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        set4(self, v4)\n        set5(self, v5)\n        set6(self, v6)\n        return self\n    return structure\n"),
    Progress: (_Progress, "def _Progress(absent, allowed, cls, default0, default3, default5, default6, default7, dict, hint1, hint2, hint3, int, known, leaf1, leaf2, leaf3, list, nested6, new, refuse, set0, set1, set2, set3, set4, set5, set6, set7, share, str, tally, text1, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o.get('id')\n        if v0 is not None:\n            if type(v0) is not str:\n                refuse()\n        v1 = o['date']\n        if type(v1) is str:\n            v1 = text1(v1)\n        else:\n            v1 = leaf1(v1, hint1)\n        v2 = o['value']\n        v2 = leaf2(v2, hint2)\n        v3 = o.get('of')\n        if v3 is not None:\n            v3 = leaf3(v3, hint3)\n        v4 = o['unit']\n        if type(v4) is not str:\n            refuse()\n        v5 = o.get('evidence', absent)\n        if v5 is absent:\n            v5 = default5\n        else:\n            if type(v5) is not list:\n                refuse()\n            for item in v5:\n                if type(item) is not str:\n                    refuse()\n            v5 = tuple(v5)\n        v6 = o.get('check')\n        if v6 is not None:\n            v6 = nested6(v6, None)\n        v7 = o.get('note')\n        if v7 is not None:\n            if type(v7) is not str:\n                refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        set4(self, v4)\n        set5(self, v5)\n        set6(self, v6)\n        set7(self, v7)\n        return self\n    return structure\n"),
    Correction[CommitmentStatus]: (_Correction_CommitmentStatus, "def _Correction_CommitmentStatus(absent, allowed, cls, default3, dict, hint0, int, known, leaf0, list, nested2, new, refuse, set0, set1, set2, set3, share, str, tally, text0, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['on']\n        if type(v0) is str:\n            v0 = text0(v0)\n        else:\n            v0 = leaf0(v0, hint0)\n        v1 = o['reason']\n        if type(v1) is not str:\n            refuse()\n        v2 = o['superseded']\n        v2 = nested2(v2, None)\n        v3 = o.get('replacement')\n        if v3 is not None:\n            if type(v3) is not str:\n                refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        return self\n    return structure\n"),
    ProgressCorrection: (_ProgressCorrection, "def _ProgressCorrection(absent, allowed, cls, default3, dict, hint0, int, known, leaf0, list, nested2, new, refuse, set0, set1, set2, set3, share, str, tally, text0, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['on']\n        if type(v0) is str:\n            v0 = text0(v0)\n        else:\n            v0 = leaf0(v0, hint0)\n        v1 = o['reason']\n        if type(v1) is not str:\n            refuse()\n        v2 = o['superseded']\n        v2 = nested2(v2, None)\n        v3 = o.get('replacement')\n        if v3 is not None:\n            if type(v3) is not str:\n                refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        return self\n    return structure\n"),
    CommitmentRelation: (_CommitmentRelation, "def _CommitmentRelation(absent, allowed, cls, dict, int, known, list, members0, new, raw0, refuse, set0, set1, share, str, tally, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['kind']\n        if type(v0) is not raw0:\n            refuse()\n        v0 = members0[v0]\n        v1 = o['target']\n        if type(v1) is not str:\n            refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        return self\n    return structure\n"),
    Commitment: (_Commitment, "def _Commitment(absent, allowed, cls, default10, default11, default12, default13, default14, default15, default3, default4, default5, default6, default7, default9, dict, element10, element11, element13, element8, element9, hint15, hint6, int, known, leaf15, leaf6, list, nested7, new, refuse, set0, set1, set10, set11, set12, set13, set14, set15, set2, set3, set4, set5, set6, set7, set8, set9, share, str, tally, text15, text6, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['id']\n        if type(v0) is not str:\n            refuse()\n        v1 = o['text']\n        if type(v1) is not str:\n            refuse()\n        v2 = o['category']\n        if type(v2) is not str:\n            refuse()\n        v3 = o.get('agreement')\n        if v3 is not None:\n            if type(v3) is not str:\n                refuse()\n            v3 = share(v3, v3)\n        v4 = o.get('obligors', absent)\n        if v4 is absent:\n            v4 = default4\n        else:\n            if type(v4) is not list:\n                refuse()\n            for item in v4:\n                if type(item) is not str:\n                    refuse()\n            v4 = tuple([share(item, item) for item in v4])\n        v5 = o.get('beneficiaries', absent)\n        if v5 is absent:\n            v5 = default5\n        else:\n            if type(v5) is not list:\n                refuse()\n            for item in v5:\n                if type(item) is not str:\n                    refuse()\n            v5 = tuple([share(item, item) for item in v5])\n        v6 = o.get('due')\n        if v6 is not None:\n            if type(v6) is str:\n                v6 = text6(v6)\n            else:\n                v6 = leaf6(v6, hint6)\n        v7 = o.get('target')\n        if v7 is not None:\n            v7 = nested7(v7, None)\n        v8 = o['history']\n        if type(v8) is not list:\n            refuse()\n        v8 = tuple([element8(item) for item in v8])\n        v9 = o.get('progress', absent)\n        if v9 is absent:\n            v9 = default9\n        else:\n            if type(v9) is not list:\n                refuse()\n            v9 = tuple([element9(item) for item in v9])\n        v10 = o.get('corrections', absent)\n        if v10 is absent:\n            v10 = default10\n        else:\n            if type(v10) is not list:\n                refuse()\n            v10 = tuple([element10(item) for item in v10])\n        v11 = o.get('progress_corrections', absent)\n        if v11 is absent:\n            v11 = default11\n        else:\n            if type(v11) is not list:\n                refuse()\n            v11 = tuple([element11(item) for item in v11])\n        v12 = o.get('evidence', absent)\n        if v12 is absent:\n            v12 = default12\n        else:\n            if type(v12) is not list:\n                refuse()\n            for item in v12:\n                if type(item) is not str:\n                    refuse()\n            v12 = tuple(v12)\n        v13 = o.get('relations', absent)\n        if v13 is absent:\n            v13 = default13\n        else:\n            if type(v13) is not list:\n                refuse()\n            v13 = tuple([element13(item) for item in v13])\n        v14 = o.get('note')\n        if v14 is not None:\n            if type(v14) is not str:\n                refuse()\n        v15 = o.get('untracked')\n        if v15 is not None:\n            if type(v15) is str:\n                v15 = text15(v15)\n            else:\n                v15 = leaf15(v15, hint15)\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        set4(self, v4)\n        set5(self, v5)\n        set6(self, v6)\n        set7(self, v7)\n        set8(self, v8)\n        set9(self, v9)\n        set10(self, v10)\n        set11(self, v11)\n        set12(self, v12)\n        set13(self, v13)\n        set14(self, v14)\n        set15(self, v15)\n        return self\n    return structure\n"),
    StatusChange[ClaimStatus]: (_StatusChange_ClaimStatus, "def _StatusChange_ClaimStatus(absent, allowed, cls, default0, default3, default4, default5, default6, dict, hint1, int, known, leaf1, list, members2, nested4, nested6, new, raw2, refuse, set0, set1, set2, set3, set4, set5, set6, share, str, tally, text1, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o.get('id')\n        if v0 is not None:\n            if type(v0) is not str:\n                refuse()\n        v1 = o['date']\n        if type(v1) is str:\n            v1 = text1(v1)\n        else:\n            v1 = leaf1(v1, hint1)\n        v2 = o['status']\n        if type(v2) is not raw2:\n            refuse()\n        v2 = members2[v2]\n        v3 = o.get('evidence', absent)\n        if v3 is absent:\n            v3 = default3\n        else:\n            if type(v3) is not list:\n                refuse()\n            for item in v3:\n                if type(item) is not str:\n                    refuse()\n            v3 = tuple(v3)\n        v4 = o.get('progress')\n        if v4 is not None:\n            v4 = nested4(v4, None)\n        v5 = o.get('note')\n        if v5 is not None:\n            if type(v5) is not str:\n                refuse()\n        v6 = o.get('check')\n        if v6 is not None:\n            v6 = nested6(v6, None)\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        set4(self, v4)\n        set5(self, v5)\n        set6(self, v6)\n        return self\n    return structure\n"),
    Correction[ClaimStatus]: (_Correction_ClaimStatus, "def _Correction_ClaimStatus(absent, allowed, cls, default3, dict, hint0, int, known, leaf0, list, nested2, new, refuse, set0, set1, set2, set3, share, str, tally, text0, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['on']\n        if type(v0) is str:\n            v0 = text0(v0)\n        else:\n            v0 = leaf0(v0, hint0)\n        v1 = o['reason']\n        if type(v1) is not str:\n            refuse()\n        v2 = o['superseded']\n        v2 = nested2(v2, None)\n        v3 = o.get('replacement')\n        if v3 is not None:\n            if type(v3) is not str:\n                refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        return self\n    return structure\n"),
    ClaimRelation: (_ClaimRelation, "def _ClaimRelation(absent, allowed, cls, dict, int, known, list, members0, new, raw0, refuse, set0, set1, share, str, tally, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['kind']\n        if type(v0) is not raw0:\n            refuse()\n        v0 = members0[v0]\n        v1 = o['target']\n        if type(v1) is not str:\n            refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        return self\n    return structure\n"),
    Claim: (_Claim, "def _Claim(absent, allowed, cls, default10, default3, default4, default6, default7, default8, default9, dict, element5, element6, element8, hint10, int, known, leaf10, list, members2, new, raw2, refuse, set0, set1, set10, set2, set3, set4, set5, set6, set7, set8, set9, share, str, tally, text10, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['id']\n        if type(v0) is not str:\n            refuse()\n        v1 = o['text']\n        if type(v1) is not str:\n            refuse()\n        v2 = o['kind']\n        if type(v2) is not raw2:\n            refuse()\n        v2 = members2[v2]\n        v3 = o.get('claimants', absent)\n        if v3 is absent:\n            v3 = default3\n        else:\n            if type(v3) is not list:\n                refuse()\n            for item in v3:\n                if type(item) is not str:\n                    refuse()\n            v3 = tuple([share(item, item) for item in v3])\n        v4 = o.get('subjects', absent)\n        if v4 is absent:\n            v4 = default4\n        else:\n            if type(v4) is not list:\n                refuse()\n            for item in v4:\n                if type(item) is not str:\n                    refuse()\n            v4 = tuple([share(item, item) for item in v4])\n        v5 = o['history']\n        if type(v5) is not list:\n            refuse()\n        v5 = tuple([element5(item) for item in v5])\n        v6 = o.get('corrections', absent)\n        if v6 is absent:\n            v6 = default6\n        else:\n            if type(v6) is not list:\n                refuse()\n            v6 = tuple([element6(item) for item in v6])\n        v7 = o.get('evidence', absent)\n        if v7 is absent:\n            v7 = default7\n        else:\n            if type(v7) is not list:\n                refuse()\n            for item in v7:\n                if type(item) is not str:\n                    refuse()\n            v7 = tuple(v7)\n        v8 = o.get('relations', absent)\n        if v8 is absent:\n            v8 = default8\n        else:\n            if type(v8) is not list:\n                refuse()\n            v8 = tuple([element8(item) for item in v8])\n        v9 = o.get('note')\n        if v9 is not None:\n            if type(v9) is not str:\n                refuse()\n        v10 = o.get('untracked')\n        if v10 is not None:\n            if type(v10) is str:\n                v10 = text10(v10)\n            else:\n                v10 = leaf10(v10, hint10)\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        set4(self, v4)\n        set5(self, v5)\n        set6(self, v6)\n        set7(self, v7)\n        set8(self, v8)\n        set9(self, v9)\n        set10(self, v10)\n        return self\n    return structure\n"),
    TextQuote: (_TextQuote, "def _TextQuote(absent, allowed, cls, default1, default2, dict, int, known, list, new, refuse, set0, set1, set2, share, str, tally, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['exact']\n        if type(v0) is not str:\n            refuse()\n        v1 = o.get('prefix')\n        if v1 is not None:\n            if type(v1) is not str:\n                refuse()\n        v2 = o.get('suffix')\n        if v2 is not None:\n            if type(v2) is not str:\n                refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        return self\n    return structure\n"),
    Evidence: (_Evidence, "def _Evidence(absent, allowed, cls, default2, default4, default5, default6, default7, dict, int, known, list, members3, members4, nested2, new, raw3, raw4, refuse, set0, set1, set2, set3, set4, set5, set6, set7, share, str, tally, tuple):\n    def structure(o, _=None):\n        if type(o) is not dict or not o.keys() <= allowed:\n            refuse()\n        tally[0] += len(o)\n        v0 = o['id']\n        if type(v0) is not str:\n            refuse()\n        v1 = o['source']\n        if type(v1) is not str:\n            refuse()\n        v1 = share(v1, v1)\n        v2 = o.get('quote')\n        if v2 is not None:\n            v2 = nested2(v2, None)\n        v3 = o['stance']\n        if type(v3) is not raw3:\n            refuse()\n        v3 = members3[v3]\n        v4 = o.get('credibility')\n        if v4 is not None:\n            if type(v4) is not raw4:\n                refuse()\n            v4 = members4[v4]\n        v5 = o.get('translation')\n        if v5 is not None:\n            if type(v5) is not str:\n                refuse()\n        v6 = o.get('translator')\n        if v6 is not None:\n            if type(v6) is not str:\n                refuse()\n        v7 = o.get('note')\n        if v7 is not None:\n            if type(v7) is not str:\n                refuse()\n        self = new(cls)\n        set0(self, v0)\n        set1(self, v1)\n        set2(self, v2)\n        set3(self, v3)\n        set4(self, v4)\n        set5(self, v5)\n        set6(self, v6)\n        set7(self, v7)\n        return self\n    return structure\n"),
}
